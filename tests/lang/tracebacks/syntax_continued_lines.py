# An error on a line continued with backslashes: 3.8 shows every line of
# the statement (its tokenizer's buffer), the others only the error's line.
total = 1 + \
    2 + \
    3 4
