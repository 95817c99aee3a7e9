# A name declared global in a function, then annotated there: the symbol
# table refuses it before anything runs.
count = 0


def reset():
    global count
    count: int = 0


reset()
print(count)
