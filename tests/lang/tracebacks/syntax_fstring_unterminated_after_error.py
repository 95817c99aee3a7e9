# Before 3.12, an unterminated f-string is the tokenizer's error, which
# replaces an earlier parser error (3.10-3.11).
value = total count
label = f"{value}
