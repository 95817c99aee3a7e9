# Reading a __slots__ member never set: 3.7-3.9 name only the member
# ("_c"), 3.10+ "'T' object has no attribute '_c'"; deleting one names only
# the member on every version; a class's __getattr__ still answers first.
# An impossible MRO is a TypeError naming the bases C3 could not merge (one
# line from 3.13).
class T:
    __slots__ = ("_c", "__p", "d")
class U(T):
    pass
class WithGetattr:
    __slots__ = ("v",)
    def __getattr__(self, name):
        return "fallback " + name
for obj in (T(), U()):
    for name in ("_c", "_T__p", "d"):
        try:
            getattr(obj, name)
        except AttributeError as e:
            print("get", e, e.args)
    try:
        del obj.d
    except AttributeError as e:
        print("del", e)
    try:
        obj.zz
    except AttributeError as e:
        print("other", e)
u = U()
u.d = 1
del u.d
try:
    u.d
except AttributeError as e:
    print("after del", e)
print(WithGetattr().v)
class A: pass
class B(A): pass
class C(B): pass
for bases in ((A, B), (A, C), (A, B, C)):
    try:
        type("X", bases, {})
    except TypeError as e:
        print(repr(str(e)))
try:
    class D(A, B):
        pass
except TypeError as e:
    print("class statement:", e)
class O: pass
class P(O): pass
class Q(O): pass
try:
    class Z(P, Q, O, P): pass
except TypeError as e:
    print(repr(str(e)))
print([k.__name__ for k in type("Fine", (P, Q), {}).__mro__])
