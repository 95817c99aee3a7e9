# types.coroutine: a generator function becomes awaitable; a plain function
# returning a generator is wrapped; asyncio.isfuture is duck-typed;
# ensure_future checks its argument before it looks for a loop.
import asyncio
import types


@types.coroutine
def nap(label):
    yield from asyncio.sleep(0.5)
    return label + " woke"


def make_gen():
    x = yield
    return x


@types.coroutine
def plain():
    return make_gen()


class Duck:
    _asyncio_future_blocking = False


async def main():
    loop = asyncio.get_running_loop()
    print(await nap("gen"), loop.time())
    w = plain()
    print(type(w).__name__)
    print(w.send(None))
    try:
        w.send(7)
    except StopIteration as e:
        print("returned", e.value)
    print(types.coroutine(nap) is nap)
    print(asyncio.isfuture(Duck()), asyncio.isfuture(Duck), asyncio.isfuture(1))
    d = Duck()
    print(asyncio.ensure_future(d) is d)
    try:
        types.coroutine(3)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
asyncio.set_event_loop(None)
try:
    asyncio.ensure_future("x")
except TypeError as e:
    print("TypeError:", e)
