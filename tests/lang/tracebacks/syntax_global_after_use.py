# A name read before its `global` declaration in the same function.
count = 0


def bump():
    print(count)
    global count
    count += 1
