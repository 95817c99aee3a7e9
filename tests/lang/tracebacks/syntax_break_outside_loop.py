# `break` in an `if` that is not inside any loop.
items = [1, 2, 3]
if len(items) > 2:
    print("many")
    break
