# `i := ...` where i is the comprehension's own variable: 3.8-3.9 give the
# node's 0-based column.
print([i := 0 for i in range(3)])
