# yield from delegates to a generator (sends and throws reach it; its return
# value is the expression's) or iterates a plain iterable.
def inner(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    return f"inner total {total}"


def outer():
    result = yield from inner(3)
    print("inner returned:", result)
    yield from [10, 20]
    yield from "ab"
    return "outer done"


g = outer()
print(next(g), g.send(5), g.send(7))
print(list(g))

def closer():
    try:
        yield from inner(5)
    finally:
        print("closer finally")

c = closer()
next(c)
c.close()

def thrower():
    try:
        yield from [1, 2, 3]
    except KeyError as e:
        yield f"caught {e!r}"

t = thrower()
print(next(t), t.throw(KeyError("k")))
def sender():
    yield from [1, 2]
s = sender()
next(s)
try:
    s.send(3)
except AttributeError as e:
    print("AttributeError:", e)
