# Generator-based coroutines: @asyncio.coroutine on a generator function that
# `yield from`s sleep() and a future, awaited from an async def, scheduled with
# ensure_future and loop.create_task, gathered with an async def and a
# decorated plain function. 3.8-3.10 warn DeprecationWarning at each decorated
# def; from 3.11 asyncio.coroutine is gone (AttributeError at the decorator).
import asyncio


@asyncio.coroutine
def legacy(n):
    loop = asyncio.get_event_loop()
    print("legacy", n, "starts at", loop.time())
    yield from asyncio.sleep(0.5)
    fut = loop.create_future()
    loop.call_later(0.25, fut.set_result, n * 10)
    value = yield from fut
    print("legacy", n, "got", value, "at", loop.time())
    return value + 1


@asyncio.coroutine
def plain(x):
    return "plain " + x


async def modern():
    await asyncio.sleep(0.1)
    return "modern"


async def main():
    loop = asyncio.get_running_loop()
    print("awaited:", await legacy(1), loop.time())
    t = asyncio.ensure_future(legacy(2))
    t2 = loop.create_task(legacy(3))
    print(type(t).__name__, await t, await t2, loop.time())
    print("gather:", await asyncio.gather(legacy(4), modern(), plain("x")), loop.time())
    print(asyncio.iscoroutinefunction(legacy), asyncio.iscoroutinefunction(plain), asyncio.iscoroutinefunction(print))
    g = legacy(5)
    print(asyncio.iscoroutine(g), type(g).__name__, g.__name__ if hasattr(g, "__name__") else "-")
    g.close()
    print(plain.__name__, legacy.__name__)


asyncio.run(main())
