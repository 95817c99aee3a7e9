# lru_cache keys as CPython's: a lone int or str argument is its own key, so
# f(1) and f(1.0) are cached apart while f(1.0) and f(True) share an entry;
# typed=True keeps them all apart. deque.remove and a namedtuple's missing
# argument word their errors per version.
import functools
from collections import deque, namedtuple


@functools.lru_cache()
def kind(x):
    print("computing", repr(x))
    return type(x).__name__


for value in (1, 1.0, True, "a", 1, 2.0, 2, ("t",), "t"):
    print(repr(value), kind(value))
print(kind.cache_info())


@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__


print([typed(v) for v in (1, 1.0, True, 1)], typed.cache_info())
print(kind(x=1), kind(x=1.0), kind.cache_info())
try:
    deque([1, 2]).remove(3)
except ValueError as e:
    print("ValueError", e)
Pair = namedtuple("Pair", "left right")
for args in ((1,), (), (1, 2, 3)):
    try:
        Pair(*args)
    except TypeError as e:
        print("TypeError", e)
