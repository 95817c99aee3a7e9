# An assignment expression in a comprehension's iterable (3.8+).
print([x for x in (data := [1, 2, 3])])
