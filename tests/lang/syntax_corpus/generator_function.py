# expect: 3:5: not supported by asim: yield (generators)
def numbers():
    yield 1
    yield 2
