# The tokenizer's and parser's warnings come out before a syntax error
# found later in the file (3.11+ tokenize the rest of the file after it).
a = "\d"
b = 1if a else 2
c = (
d = 2else 3
