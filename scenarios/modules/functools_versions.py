# functools names that came in later versions: lru_cache without
# parentheses (3.8), cached_property (3.8), cache (3.9), each absent before.
import asyncio
import functools
import sys


class Sensor:
    def __init__(self, name):
        self.name = name
        self.reads = 0

    def read(self):
        self.reads += 1
        return len(self.name) * 10


async def main():
    print(sys.version_info >= (3, 8), hasattr(functools, "cached_property"))
    print(sys.version_info >= (3, 9), hasattr(functools, "cache"))
    try:
        @functools.lru_cache
        def double(x):
            return 2 * x
        print(double(4), double(4), double.cache_info())
    except TypeError as e:
        print("TypeError:", e)
    if hasattr(functools, "cache"):
        @functools.cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(30), fib.cache_info())
    if hasattr(functools, "cached_property"):
        class Probe(Sensor):
            @functools.cached_property
            def value(self):
                print("  reading", self.name)
                return self.read()
        s = Probe("thermo")
        await asyncio.sleep(0.1)
        print(s.value, s.value, s.reads)


asyncio.run(main())
