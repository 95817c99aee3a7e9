# expect-exit: 1
# expect-stderr-last: IndexError: list index out of range
items = [1, 2]
print(items[5])
