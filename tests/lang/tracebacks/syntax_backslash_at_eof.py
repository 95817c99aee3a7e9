# A backslash continuation on the last line: nothing follows it.
total = 1 + 2
print(total)\
