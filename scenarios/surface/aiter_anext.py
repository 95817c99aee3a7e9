# The builtins aiter() and anext() arrived in 3.10; before, using them is a
# NameError. anext() with a default turns the end of the iteration into the
# default; without one it hands back the generator's own awaitable.
import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


class Countdown:
    def __init__(self, start):
        self.left = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.left == 0:
            raise StopAsyncIteration
        self.left -= 1
        await asyncio.sleep(0)
        return self.left


async def main():
    try:
        it = aiter(ticks(2))
    except NameError as e:
        print("NameError:", e)
        return
    print(await anext(it), await anext(it))
    print("default:", await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    c = aiter(Countdown(2))
    print(c is aiter(c))
    print(await anext(c), await anext(c), await anext(c, None))
    pending = anext(ticks(1))
    print(type(pending).__name__)
    print(await pending)
    with_default = anext(Countdown(0), -1)
    print(type(with_default).__name__)
    print(await with_default)
    for bad in (1, "text"):
        try:
            aiter(bad)
        except TypeError as e:
            print("aiter:", e)
        try:
            anext(bad)
        except TypeError as e:
            print("anext:", e)
    print(asyncio.get_running_loop().time())


asyncio.run(main())
