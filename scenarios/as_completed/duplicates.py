# as_completed works on set(fs): passing the same task twice yields one item fewer.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    a = asyncio.create_task(job(0.2))
    b = asyncio.create_task(job(0.1))
    items = list(asyncio.as_completed([a, b, a, a]))
    print("passed 4 awaitables, got", len(items), "items")
    print("results:", [await item for item in items])


asyncio.run(main())
