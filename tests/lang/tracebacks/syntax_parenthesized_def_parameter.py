# ... in a def.
def add(first, (a, b)):
    return first + a + b
