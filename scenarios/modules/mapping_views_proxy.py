# An OrderedDict's views are odict_keys/odict_values/odict_items (live,
# reversible on 3.7 too, keys and items set-like); an Enum's __members__
# and types.MappingProxyType are a read-only mappingproxy whose str() is the
# mapping's (3.7: an OrderedDict) and repr() names the proxy.
from collections import OrderedDict
d = OrderedDict(b=2, a=1)
d["c"] = 3
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, repr(d))
d.move_to_end("b")
print(list(k), list(reversed(k)), list(reversed(i)), list(reversed(d)), len(v), "a" in k, ("a", 1) in i, 5 in v)
print(k == {"a", "b", "c"}, k & {"a", "z"}, k | {"q"} == {"a", "b", "c", "q"}, k - {"a"} == {"b", "c"})
print(type(k).__name__, type(i).__name__, type(v).__name__, sorted(k), max(v), dict(i))
for key, val in d.items():
    print(key, val, end="; ")
print()
print(d.popitem(), d.popitem(last=False), d)
from enum import Enum
class C(Enum):
    A = 1
    B = 2
print(C.__members__)
print(C.__members__.items(), type(C.__members__).__name__, C.__members__.values())
for k, v in C.__members__.items():
    print(k, v)
m = C.__members__
print(repr(m), len(m), "A" in m, m["B"], m.get("Z"), list(reversed(list(m))), m == dict(m))
try:
    m["X"] = 1
except TypeError as e:
    print(e)
try:
    del m["A"]
except TypeError as e:
    print(e)
import types
p = types.MappingProxyType({"k": 1})
print(p, repr(p), type(p).__name__, p.copy(), list(p.items()), isinstance(p, dict))
try:
    hash(types.MappingProxyType({}))
    print("hashable")
except TypeError as e:
    print(e)
