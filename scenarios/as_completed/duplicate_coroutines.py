# The same coroutine object passed twice is wrapped in one task only.
import asyncio


async def job():
    await asyncio.sleep(0.1)
    return "once"


async def main():
    c = job()
    before = len(asyncio.all_tasks())
    results = [await item for item in asyncio.as_completed([c, c])]
    print("results", results)
    print("tasks created:", len(asyncio.all_tasks()) - before)


asyncio.run(main())
