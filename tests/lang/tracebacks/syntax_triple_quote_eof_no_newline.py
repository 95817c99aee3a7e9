# An unterminated triple-quoted string in a file without a final newline.
x = 1
y = """one
two