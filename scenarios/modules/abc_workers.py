import asyncio
from abc import ABC, ABCMeta, abstractmethod


class Source(ABC):
    """A producer of items; subclasses say how an item is fetched."""

    def __init__(self, label):
        self.label = label

    @abstractmethod
    async def fetch(self, n):
        """Fetch item n."""

    @property
    @abstractmethod
    def delay(self):
        ...

    async def collect(self, count):
        items = []
        for n in range(count):
            await asyncio.sleep(self.delay)
            items.append(await self.fetch(n))
        return self.label, items


class Fast(Source):
    delay = 0.01

    async def fetch(self, n):
        return n * n


class Slow(Source):
    @property
    def delay(self):
        return 0.05

    async def fetch(self, n):
        return -n


class Half(Source):
    async def fetch(self, n):
        return n


class Sink(metaclass=ABCMeta):
    @abstractmethod
    def put(self, item): ...

    @abstractmethod
    def close(self): ...


class ListSink:
    def __init__(self):
        self.items = []

    def put(self, item):
        self.items.append(item)


Sink.register(ListSink)


async def main():
    for label, items in await asyncio.gather(Fast("fast").collect(3), Slow("slow").collect(2)):
        print(label, items)
    print(sorted(Source.__abstractmethods__), sorted(Half.__abstractmethods__), Fast.__abstractmethods__)
    for cls in (Source, Half, Sink):
        try:
            cls("x") if cls is not Sink else cls()
        except TypeError as e:
            print("TypeError:", e)
    sink = ListSink()
    print(isinstance(sink, Sink), issubclass(ListSink, Sink), isinstance([], Sink), isinstance(Fast("f"), ABC))
    print(type(Source).__name__, type(Sink).__name__, getattr(Source.fetch, "__isabstractmethod__", False))
    Half("late")


asyncio.run(main())
