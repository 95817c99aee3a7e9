# Parameter and return annotations are evaluated when the def runs, in
# CPython's order (defaults first), and kept in __annotations__; annotations
# of local variables inside a function body are never evaluated.
import asyncio
import typing
from typing import Optional, List, Awaitable, Callable

order = []


def note(tag, value):
    order.append(tag)
    return value


def configure(a: note("a", int), b: note("b", str) = note("default b", "x"),
              *rest: note("rest", float), c: note("c", bool) = note("default c", True),
              d: note("d", list), **extra: note("extra", dict)) -> note("return", None):
    return a


print(order)
print(configure.__annotations__)
print(configure.__defaults__, configure.__kwdefaults__)


async def fetch(url: str, retries: int = 3, timeout: Optional[float] = None) -> str:
    local: undefined_name_is_fine = 1
    await asyncio.sleep(0.1)
    return "%s x%d" % (url, retries + local)


print(fetch.__annotations__)
print(asyncio.run(fetch("a.example")))


class Worker:
    name: str
    jobs: List[int]

    def __init__(self, name: str) -> None:
        self.name = name
        self.jobs: List[int] = []
        self.extra: also_never_evaluated

    async def run(self, job: int, done: Callable[[int], Awaitable[None]]) -> int:
        self.jobs.append(job)
        await done(job)
        return len(self.jobs)


async def report(job: int) -> None:
    print("done", job)


w = Worker("w1")
print(asyncio.run(w.run(7, report)), w.jobs)
print(Worker.run.__annotations__)
print(Worker.__init__.__annotations__, (lambda x, y=1: x).__annotations__)
print(typing.get_type_hints(fetch))
print(typing.get_type_hints(Worker))
print(typing.get_type_hints(Worker.__init__))

try:
    def broken(x: missing_type) -> int:
        return x
except NameError as e:
    print("NameError:", e)

try:
    def bad_return() -> note("ret", 1) + "s":
        pass
except TypeError as e:
    print("TypeError:", e, order[-1])


class Holder:
    pass


h = Holder()
try:
    h.value: int
    unknown_object.attribute: int
except NameError as e:
    print("NameError:", e)
