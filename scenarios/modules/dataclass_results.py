# dataclasses: @dataclass over the class's annotations (__init__, __repr__,
# __eq__), field(default_factory=...), asdict(); results of as_completed kept in one.
import asyncio
from dataclasses import asdict, dataclass, field


@dataclass
class Result:
    url: str
    status: int
    elapsed: float


@dataclass(repr=False)
class Quiet:
    x: int = 0


@dataclass
class Batch:
    name: str
    results: list = field(default_factory=list)


async def fetch(url, delay):
    await asyncio.sleep(delay)
    return Result(url, 200 if delay < 0.3 else 504, asyncio.get_running_loop().time())


async def main():
    batch = Batch("nightly")
    for coro in asyncio.as_completed([fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2)]):
        batch.results.append(await coro)
    print(batch)
    print(asdict(batch))
    print(sorted(r.url for r in batch.results if r.status == 200))
    print(repr(Quiet()).startswith("<__main__.Quiet object"), Quiet(1) == Quiet(1), Batch("x") == Batch("x"))


asyncio.run(main())
