# copy.copy and copy.deepcopy: __copy__/__deepcopy__ first, else the object
# rebuilt from its class and state (__getstate__/__setstate__, __slots__,
# list and dict subclasses, namedtuples, dataclasses, enums),
# with the memo keeping shared and cyclic parts shared.
import asyncio
import copy
from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
from dataclasses import dataclass, field
from enum import Enum


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Custom:
    def __init__(self, items):
        self.items = items

    def __copy__(self):
        print("  __copy__ called")
        return Custom(self.items)

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.items, memo))


class WithState:
    def __init__(self):
        self.secret = 42
        self.cache = {"x": 1}

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["cache"]
        return state

    def __setstate__(self, state):
        print("  setstate", sorted(state))
        self.__dict__.update(state)
        self.cache = {}


class Stack(list):
    def peek(self):
        return self[-1]


class Registry(dict):
    pass


Pair = namedtuple("Pair", "left right")


@dataclass
class Order:
    name: str
    lines: list = field(default_factory=list)


class Color(Enum):
    RED = 1
    BLUE = 2


async def main():
    nested = [[1, 2], [3, 4], {"k": [5]}]
    shallow = copy.copy(nested)
    deep = copy.deepcopy(nested)
    nested[0].append(99)
    nested[2]["k"].append(6)
    print(shallow, deep, shallow[0] is nested[0], deep[0] is nested[0])

    p = Point(1, [2, 3])
    p2 = copy.copy(p)
    p3 = copy.deepcopy(p)
    p.y.append(4)
    print(p2, p3, type(p3).__name__, p2.y is p.y, p3.y is p.y)

    s = Slotted(5)
    s2 = copy.copy(s)
    print(s2.a, hasattr(s2, "b"))

    c = Custom([1, [2]])
    c2 = copy.copy(c)
    c3 = copy.deepcopy(c)
    print(c2.items is c.items, c3.items == c.items, c3.items[1] is c.items[1])

    w = WithState()
    w2 = copy.copy(w)
    w3 = copy.deepcopy(w)
    print(w2.secret, w2.cache, w3.cache)

    st = Stack([1, [2]])
    st2 = copy.deepcopy(st)
    st.peek().append(3)
    print(type(st2).__name__, st2, st2.peek())

    r = Registry(a=[1])
    r.note = "hi"
    r2 = copy.copy(r)
    r3 = copy.deepcopy(r)
    print(type(r2).__name__, r2, r2.note, r3["a"] is r["a"], r2["a"] is r["a"])

    dd = defaultdict(list)
    dd["x"].append(1)
    dd2 = copy.deepcopy(dd)
    dd2["y"].append(2)
    print(dd, dd2, copy.copy(dd))
    cnt = Counter("hello")
    print(copy.copy(cnt), copy.deepcopy(cnt) == cnt)
    od = OrderedDict(b=1, a=2)
    print(copy.deepcopy(od))
    dq = deque([1, [2]], maxlen=3)
    dq2 = copy.deepcopy(dq)
    print(dq2, dq2.maxlen, dq2[1] is dq[1])
    pr = Pair(1, [2])
    print(copy.copy(pr), copy.deepcopy(pr), copy.copy(pr) is pr, copy.deepcopy(pr)[1] is pr[1])

    o = Order("a", [1, 2])
    o2 = copy.deepcopy(o)
    o2.lines.append(3)
    print(o, o2)
    print(copy.copy(Color.RED), copy.deepcopy(Color.BLUE) is Color.BLUE)

    t = (1, 2, (3, 4))
    print(copy.deepcopy(t) is t, copy.copy(t) is t)
    t2 = (1, [2])
    print(copy.deepcopy(t2) is t2, copy.deepcopy(t2))

    cyc = [1]
    cyc.append(cyc)
    cc = copy.deepcopy(cyc)
    print(cc[1] is cc, cc[1] is cyc)

    shared = [0]
    both = [shared, shared]
    bc = copy.deepcopy(both)
    print(bc[0] is bc[1])

    memo = {}
    x = copy.deepcopy({"a": [1]}, memo)
    print(len(memo) > 0, x)

    print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(range(3)), copy.deepcopy(len) is len)
    f = lambda: 1
    print(copy.deepcopy(f) is f, copy.copy(int) is int)
    await asyncio.sleep(0)
    print(copy.Error is copy.error)


asyncio.run(main())
