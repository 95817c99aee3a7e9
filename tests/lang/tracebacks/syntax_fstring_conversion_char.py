# Before 3.12 the conversion is the one character after '!', and the error
# names none; 3.9-3.11 place it at the token after the literal.
name = "x"
print(f"{name!z}", 1)
