# expect: 7:5: not supported by asim: yield from (delegating generators)
def inner():
    yield 1


def outer():
    yield from inner()
