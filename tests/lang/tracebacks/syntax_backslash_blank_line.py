# A backslash alone on a line, joined to an empty line: a blank line on 3.9+,
# an empty statement on 3.7-3.8 (allowed at the top level only).
x = 1
\

print(x)
