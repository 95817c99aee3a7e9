# Only a backslash on the last line.
print("start")
\
