# The question that started asim: does as_completed yield Futures or coroutines?
# Three simulated fetches finish after 0.3, 0.1 and 0.2 seconds; the 0.1 s one fails.
import asyncio
import sys


async def fetch(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"fetch {delay} failed")
    return f"page after {delay}s"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [
        asyncio.create_task(fetch(0.3)),
        asyncio.create_task(fetch(0.1, fail=True)),
        asyncio.create_task(fetch(0.2)),
    ]
    print("plain iteration:")
    for item in asyncio.as_completed(tasks):
        print(" ", type(item).__name__, item.__qualname__)
        print("   has result()?", hasattr(item, "result"), "is one of the tasks?", item in tasks)
        try:
            result = await item
        except ValueError as exc:
            print(f"   t={loop.time()}: raised {exc!r}")
        else:
            print(f"   t={loop.time()}: {result!r}")
    if sys.version_info >= (3, 13):
        tasks = [
            asyncio.create_task(fetch(0.3)),
            asyncio.create_task(fetch(0.1, fail=True)),
            asyncio.create_task(fetch(0.2)),
        ]
        print("async for (3.13):")
        async for task in asyncio.as_completed(tasks):
            print(f"  t={loop.time()}: tasks[{tasks.index(task)}] done={task.done()}",
                  "exception:", repr(task.exception()))


asyncio.run(main())
