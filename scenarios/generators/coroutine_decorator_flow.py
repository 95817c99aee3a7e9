# What a generator-based coroutine does inside a task (3.7-3.10): a bare
# `yield` lets other tasks run once, exceptions cross `yield from` both ways,
# a task running one is cancelled at the future it waits on, a decorated
# async def is returned unchanged, a decorated plain function that returns a
# coroutine runs it. A plain generator may not `yield from` a coroutine.
import asyncio

if not hasattr(asyncio, "coroutine"):
    print("no asyncio.coroutine on this version")
    raise SystemExit(0)


@asyncio.coroutine
def ticker(name, n):
    for i in range(n):
        print(name, "tick", i)
        yield


@asyncio.coroutine
def failing():
    yield from asyncio.sleep(0.2)
    raise ValueError("bad legacy")


@asyncio.coroutine
def catching():
    try:
        yield from failing()
    except ValueError as e:
        print("caught", e, "at", asyncio.get_event_loop().time())
        return "recovered"


@asyncio.coroutine
def waiter():
    fut = asyncio.get_event_loop().create_future()
    try:
        yield from fut
    except asyncio.CancelledError:
        print("waiter cancelled, future cancelled:", fut.cancelled())
        raise


async def native():
    await asyncio.sleep(0.1)
    return "native result"


@asyncio.coroutine
def returns_coroutine():
    return native()


async def already_async():
    return "async def"


def plain_generator():
    yield from asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.ensure_future(ticker("a", 3))
    b = asyncio.ensure_future(ticker("b", 2))
    await asyncio.gather(a, b)
    print(await catching())
    try:
        await failing()
    except ValueError as e:
        print("from await:", e, loop.time())
    w = asyncio.ensure_future(waiter())
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("task cancelled:", w.cancelled(), loop.time())
    print(await returns_coroutine(), loop.time())
    print(asyncio.coroutine(already_async) is already_async, await already_async())
    g = plain_generator()
    try:
        next(g)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
