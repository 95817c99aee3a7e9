# The field's name before the quote is 'b': a bytes prefix to 3.12's
# tokenizer, which still sees the f-string's own quote.
b = 1
print(f"{b")
