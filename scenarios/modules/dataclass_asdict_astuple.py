# asdict() and astuple() convert dataclass instances recursively, also
# inside lists, tuples, namedtuples and dicts, and deep-copy the other
# values (the result shares no list with the instance); a factory gets the
# pairs or the values; anything but a dataclass instance is a TypeError.
from dataclasses import dataclass, field, asdict, astuple
from collections import namedtuple, OrderedDict
Pair = namedtuple("Pair", "a b")
@dataclass
class Inner:
    n: int
    tags: list = field(default_factory=list)
@dataclass
class Outer:
    name: str
    inner: Inner
    more: dict
    pair: Pair
    items: tuple = ()
o = Outer("x", Inner(1, ["t"]), {"k": Inner(2)}, Pair(Inner(3), 4), (Inner(5), 6))
d = asdict(o)
print(d)
print(astuple(o))
d["inner"]["tags"].append("added")
print(o.inner.tags, d["inner"]["tags"])
t = astuple(o.inner)
t[1].append("z")
print(o.inner.tags, t)
print(asdict(o.inner, dict_factory=OrderedDict), astuple(o.inner, tuple_factory=list))
print(type(d["pair"]).__name__, d["pair"])
for bad in (Inner, 5, {"a": 1}):
    try:
        asdict(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    astuple(Inner)
except TypeError as e:
    print("TypeError:", e)
