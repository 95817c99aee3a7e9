# from __future__ import annotations: module and class annotations are kept as
# strings, never evaluated (names that do not exist, list[str] | None on 3.7).
from __future__ import annotations
import __future__
import asyncio
from dataclasses import dataclass


@dataclass
class Reading:
    sensor: str
    value: float
    tags: list[str] | None = None


class Node:
    parent: Node
    children: dict[str, list[Node]]
    weight: "float" = 1.0
    pair: tuple[int, ...] = ()
    ref: typing.Optional[Missing]


count: int = 0
table: Dict[str, Callable[[int], Awaitable[None]]] = {}


async def produce(q: asyncio.Queue[Reading], n: int) -> list[Reading]:
    out: list[Reading] = []
    for i in range(n):
        r = Reading("s%d" % i, i * 1.5)
        await q.put(r)
        out.append(r)
    return out


async def main() -> None:
    q: asyncio.Queue[Reading] = asyncio.Queue()
    made = await produce(q, 3)
    print(made[1], q.qsize())
    print(Node.__annotations__)
    print(__annotations__)
    print(Reading.__annotations__)
    print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)


asyncio.run(main())
