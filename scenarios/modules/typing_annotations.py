# typing in an asyncio program: typed coroutines, a Callable[..., Awaitable[T]]
# alias, NamedTuple jobs, a Generic class, ClassVar, cast, and the reprs
# CPython prints for typing's aliases (Optional changed in 3.9).
import asyncio
import sys
from typing import (Any, AsyncIterator, Awaitable, Callable, ClassVar, Coroutine, Dict, Generic, Iterable,
                    List, NamedTuple, Optional, Set, Tuple, TypeVar, Union, cast, TYPE_CHECKING)
import typing

T = TypeVar("T")
R = TypeVar("R")
Handler = Callable[..., Awaitable[T]]


class Job(NamedTuple):
    name: str
    delay: float
    retries: int = 0


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


if sys.version_info >= (3, 8):
    class Greeter(typing.Protocol):
        def greet(self) -> str: ...
else:
    class Greeter:
        pass


class Settings:
    limit: ClassVar[int] = 3
    name: str = "default"


async def fetch(job: Job) -> Dict[str, Any]:
    await asyncio.sleep(job.delay)
    return {"name": job.name, "retries": job.retries}


async def run_all(jobs: List[Job], limit: Optional[int] = None) -> List[Dict[str, Any]]:
    selected = jobs if limit is None else jobs[:limit]
    return list(await asyncio.gather(*(fetch(j) for j in selected)))


async def ticker(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i


async def call(handler: Handler[int], *args: Any) -> Union[int, str]:
    return await handler(*args)


async def double(x: int) -> int:
    await asyncio.sleep(0)
    return 2 * x


async def main() -> None:
    jobs = [Job("a", 0.2), Job("b", 0.1, retries=2), Job(name="c", delay=0.3)]
    print(jobs[1], jobs[1].retries, jobs[0]._replace(retries=5), Job._fields)
    name, delay, retries = jobs[2]
    print(name, delay, retries, len(jobs[2]), jobs[2][0])
    results = await run_all(jobs, limit=2)
    print(results)
    print([i async for i in ticker(3)])
    print(await call(double, 21))
    box: Box[int] = Box(5)
    print(box.get(), Box[int], Box)
    print(cast(int, "not checked"), TYPE_CHECKING, Settings.limit, Settings.__annotations__)
    print(Optional[int], Union[int, str], List[int], Dict[str, Any], Tuple[int, ...])
    print(Callable[..., Awaitable[T]], Callable[[int, str], None], Handler)
    print(Coroutine[Any, Any, int], AsyncIterator[int], Iterable[List[int]], Set[str])
    print(T, typing.Any, typing.List, Union[int], Union[int, None, str], Optional[List[int]])
    print(run_all.__name__, fetch.__annotations__ if False else "", Greeter.__name__)
    try:
        typing.Any()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
