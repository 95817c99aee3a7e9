# A subscripted generic (typing.List[int], a Generic class's Box[int]) passes
# the names it does not have to its origin, but dunder ones; 3.10+ give it a
# __name__ and __qualname__ (the typing name, or the origin's).
import asyncio
from typing import Dict, Generic, List, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    kind = "box"

    def __init__(self, item):
        self.item = item

    @classmethod
    def make(cls, item):
        return cls(item)


async def main():
    alias = Box[int]
    print(alias.kind, alias.make(3).item, hasattr(alias, "missing"))
    for a in (alias, List[int], Dict[str, int]):
        print(getattr(a, "__name__", "no __name__"), getattr(a, "__qualname__", "no __qualname__"))
    print(hasattr(List[int], "append"), hasattr(alias, "__doc__"), hasattr(alias, "__weird__"))
    await asyncio.sleep(0)


asyncio.run(main())
