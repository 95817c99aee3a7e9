# A bare '*' after a keyword argument.
items = [3, 1, 2]
print(sorted(items, reverse=True, *))
