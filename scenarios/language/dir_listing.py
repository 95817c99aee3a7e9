# dir() of instances, classes (slots, builtin bases, exception bases, __eq__ without
# __hash__, a __dir__ of their own) and builtin values; the "Did you mean" hint
# of an uncaught AttributeError comes from the same listing.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    @property
    def pair(self):
        return (self.x, self.y)
    def __eq__(self, other):
        return self.pair == other.pair

class Point3(Point):
    __slots__ = ("z",)

class Tagged:
    __slots__ = ("tag", "__weakref__")

class Named(Tagged):
    pass

class MyList(list):
    def total(self):
        return sum(self)

class MyErr(KeyError):
    code = 3

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]

p = Point(3, 4)
p.extra = 1
public = lambda names: [n for n in names if not n.startswith("__")]
print(public(dir(p)))
print(dir(p))
print(dir(Point))
print(dir(Point3))
print(dir(Named))
print(dir(Tagged))
print(public(dir(MyList)), len(dir(MyList([1]))))
print(dir(MyErr))
print(dir(Custom()))
print(dir(object))
print(dir(int) == dir(5), dir(str) == dir("s"))
for v in (1, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, True, range(3)):
    names = dir(v)
    print(type(v).__name__, len(names), public(names))
print(dir([]))
print([n for n in dir(dict) if "key" in n or n.startswith("__i")])
try:
    p.nrom()
except AttributeError as e:
    print(e)
try:
    Point.dimz
except AttributeError as e:
    print(e)
print("x" in dir(p), "norm" in dir(Point), "pair" in dir(p))
try:
    dir(1, 2)
except TypeError as e:
    print(e)


class Inventory:
    def __init__(self):
        self.items = {}
        self.capacity = 10

    def add(self, name, n=1):
        self.items[name] = self.items.get(name, 0) + n
        return self.itemz
Inventory().add("bolt")
