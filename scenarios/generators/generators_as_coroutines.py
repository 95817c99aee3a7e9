# Up to 3.11 asyncio.iscoroutine() says yes to a plain generator (a relic of
# @asyncio.coroutine), so ensure_future and create_task take one; 3.12 refuse it.
# Awaiting one is a TypeError everywhere.
import asyncio

def numbers():
    yield 1
    yield 2

async def main():
    g = numbers()
    for attempt in (lambda: asyncio.ensure_future(g), lambda: asyncio.create_task(g)):
        try:
            attempt()
        except TypeError as e:
            print("TypeError:", str(e).split(" at 0x")[0])
    try:
        await numbers()
    except TypeError as e:
        print("TypeError:", e)
    print(asyncio.iscoroutine(g), list(g), list(g))
    it = iter(numbers())
    print(next(it), next(it), next(it, "end"))

asyncio.run(main())
