# The errors of a call's *args and **kwargs: a value that cannot be
# unpacked, a keyword given twice, keys that are not strings; how each
# version names the callee.
def show(f):
    try:
        r = f()
    except Exception as e:
        print("!", type(e).__name__, e)
    else:
        print(repr(r))


def f(*a, **k):
    return a, k


def g(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


class C:
    def m(self, *a, **k):
        return a, k


class Keys:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, key):
        return key.upper()


show(lambda: f(*1))
show(lambda: f(1, *1))
show(lambda: f(*[1], *1))
show(lambda: f(*None, **{}))
show(lambda: f(**1))
show(lambda: f(x=1, **1))
show(lambda: f(**{"a": 1}, **1))
show(lambda: f(**{"a": 0}, a=1))
show(lambda: f(a=1, **{"a": 0}))
show(lambda: f(**{"a": 0}, **{"a": 1}))
show(lambda: f(**{"a": 0}, b=1, **{"b": 1}))
show(lambda: g(1, **{"a": 0}))
show(lambda: g("x", 1, 1, **{"a": 0}, a=1, z=5, c=3))
show(lambda: g(**{"c": 9}, b=2, a=1))
show(lambda: C().m(**{"a": 0}, a=1))
show(lambda: C().m(*1))
show(lambda: C.m(*5))
show(lambda: C(**[1]))
show(lambda: len(*1))
show(lambda: len(**{"a": 0}, a=1))
show(lambda: print(*1))
show(lambda: f(**{1: 2}))
show(lambda: f(**{"a": 0}, **{1: 2}))
show(lambda: f(**Keys()))
show(lambda: f(**Keys(), x=0))
show(lambda: [*1])
show(lambda: (*1,))
show(lambda: {*1})
show(lambda: {**1})
show(lambda: {**Keys(), "z": 1})
show(lambda: {**{"a": 1}, **{"a": 2}})
show(lambda: f(*"ab", *range(2), **{"k": 1}, j=2))
