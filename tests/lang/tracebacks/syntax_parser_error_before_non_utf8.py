# A file with no coding declaration is checked for UTF-8 line by line, as
# the tokenizer reads it: the parser error two lines above it comes first on
# 3.7-3.9; 3.10+ tokenize the rest of the file after it and report the
# byte that is not UTF-8 instead.
total = = 1
print(total)
price = "5 ¤"
