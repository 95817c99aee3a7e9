# A backslash continuation after an operator on the last line.
total = 1 +\
