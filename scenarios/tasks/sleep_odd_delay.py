# asyncio.sleep checks its delay in its body (`if delay <= 0:`): a delay of
# the wrong type makes the coroutine all the same, and the TypeError comes
# out where it runs, in the task or in gather's result.
import asyncio


async def main():
    coro = asyncio.sleep("soon")
    print(type(coro).__name__)
    try:
        await coro
    except TypeError as e:
        print("await:", e)
    t = asyncio.ensure_future(asyncio.sleep(None))
    await asyncio.sleep(0)
    print(t.done(), repr(t.exception()))
    results = await asyncio.gather(asyncio.sleep(0.5, result="ok"), asyncio.sleep([1]), return_exceptions=True)
    print(results)
    print(asyncio.get_running_loop().time())


asyncio.run(main())
