# dataclass(order=True) in a PriorityQueue, frozen=True (hash, FrozenInstanceError), field(init=, repr=,
# compare=), __post_init__, and a class's own __setattr__/__delattr__ calling object's.
import asyncio
from dataclasses import dataclass, field, FrozenInstanceError

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    attempts: int = field(default=0, repr=False, compare=False)

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

@dataclass
class Stats:
    values: list = field(default_factory=list)
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = sum(self.values)

class Tracked:
    def __init__(self):
        self.log = []
        self.a = 1
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)

async def main():
    q = asyncio.PriorityQueue()
    for j in [Job(3, "c"), Job(1, "a"), Job(2, "b")]:
        await q.put(j)
    while not q.empty():
        print(await q.get())
    print(Job(1, "x") < Job(2, "y"), Job(1, "x") == Job(1, "z"), Job(2, "a") >= Job(1, "b"))
    p = Point(1, 2)
    print(p, hash(p) == hash(Point(1, 2)), p == Point(1, 2))
    try:
        p.x = 5
    except FrozenInstanceError as e:
        print("frozen:", e, isinstance(e, AttributeError))
    try:
        del p.y
    except AttributeError as e:
        print(type(e).__name__, e)
    s = Stats([1, 2, 3])
    print(s)
    try:
        print({Stats(): 1})
    except TypeError as e:
        print(e)
    t = Tracked()
    t.b = 2
    del t.a
    print(t.log, t.b, hasattr(t, "a"))
    try:
        Job(1, "a") < 3
    except TypeError as e:
        print(e)

asyncio.run(main())
