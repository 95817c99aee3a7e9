# IntEnum and str-mixin enum members are ints and strs: they index, count,
# key dicts, serialise and compute as their values do, while their repr stays
# the enum's. Task priorities as an IntEnum, queue items as a NamedTuple.
import asyncio
import json
from enum import Enum, IntEnum
from typing import NamedTuple


class Priority(IntEnum):
    LOW = 1
    HIGH = 3


class Kind(str, Enum):
    FETCH = "fetch"
    STORE = "store"


class Item(NamedTuple):
    priority: int
    kind: Kind
    payload: str = "-"

    def label(self):
        return f"{self.kind.value}:{self.payload}"


async def worker(queue, seen):
    while True:
        item = await queue.get()
        seen.append(item.label())
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for item in [Item(Priority.LOW, Kind.STORE, "b"), Item(Priority.HIGH, Kind.FETCH), Item(2, Kind.FETCH, "a")]:
        queue.put_nowait(item)
    seen = []
    task = asyncio.create_task(worker(queue, seen))
    await queue.join()
    task.cancel()
    print(seen)
    high = Priority.HIGH
    print(repr(high), isinstance(high, int), high + 1, high * 2, high == 3, {3: "three"}[high], [0] * high)
    print(list(range(high)), json.dumps({"p": high}), int(high), hash(high) == hash(3), sorted(Priority)[0].name)
    print(Priority(3) is high, max(Priority), high > Priority.LOW, f"{high:>3}|", "%d" % high)
    print(repr(Kind.FETCH), isinstance(Kind.FETCH, str), Kind.FETCH == "fetch", Kind.FETCH.upper(), json.dumps([Kind.STORE]))
    item = Item(1, Kind.STORE)
    print(item, isinstance(item, tuple), item == (1, Kind.STORE, "-"), item._asdict(), Item._fields, item._replace(payload="z"))
    priority, kind, payload = item
    print(priority, kind.name, payload, item.label(), len(item), item[1:] == (Kind.STORE, "-"))


asyncio.run(main())
