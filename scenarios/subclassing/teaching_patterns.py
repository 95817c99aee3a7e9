# Subclasses of builtin types as teaching material writes them: a Stack,
# dicts with defaults and case-insensitive keys, a Vector tuple with
# operators, Money and Celsius floats, an upper-case str built in __new__.
class Stack(list):
    def push(self, x):
        self.append(x)
    def pop_or_none(self):
        return self.pop() if self else None
class WithDefault(dict):
    def __init__(self, default):
        super().__init__()
        self.default = default
    def __getitem__(self, k):
        return super().__getitem__(k) if k in self else self.default
class CaseInsensitive(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __contains__(self, k):
        return super().__contains__(k.lower())
class Vector(tuple):
    def __add__(self, other):
        return Vector(a + b for a, b in zip(self, other))
    def __mul__(self, k):
        return Vector(a * k for a in self)
    __rmul__ = __mul__
    def __repr__(self):
        return "Vector" + super().__repr__()
class Money(float):
    def __str__(self):
        return f"${self:.2f}"
class UpperStr(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
s = Stack(); s.push(1); s.push(2)
print(s, s.pop_or_none(), s.pop_or_none(), s.pop_or_none(), s)
d = WithDefault(0); d["a"] = 5
print(d["a"], d["b"], d, d.get("b"), len(d))
ci = CaseInsensitive(); ci["Key"] = 1
print(ci, ci["KEY"], "kEy" in ci, ci.get("KEY"), list(ci))
v = Vector((1, 2)); w = Vector([3, 4])
print(v + w, 2 * v, v * 3, v == (1, 2), sum(v), repr(v), str(v), v[0], len(v + w))
m = Money(3.5)
print(m, m + 1, [m], "%s" % m, f"{m}", f"{m:.1f}", str(m), repr(m), round(m))
u = UpperStr("hello")
print(u, type(u).__name__, u.lower(), u == "HELLO", len(u), u.startswith("HE"), repr(u))
class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)
    def to_f(self):
        return self * 9 / 5 + 32
print(Celsius(100).to_f(), Celsius(0) == 0, isinstance(Celsius(1), float))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Bag(dict):
    def __missing__(self, k):
        self[k] = []
        return self[k]
b = Bag(); b["x"].append(1); b["y"]
print(b, sorted(b), "x" in b)
