# 3.7-3.8 read f-strings only once the whole file parsed: the later
# syntax error is reported first; 3.9+ stop at the f-string.
name = "x"
label = f"{name"
total = 1 +
