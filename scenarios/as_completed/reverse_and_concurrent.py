# A legacy as_completed item is not bound to any task: awaiting the items in
# reverse order still gives results in completion order, and two items awaited
# concurrently each take one result.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]]
    items = list(asyncio.as_completed(tasks))
    print("items:", len(items))
    for item in reversed(items):
        print(f"t={loop.time()}: awaited item -> {await item}")
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.2), ("y", 0.1)]]
    first, second = list(asyncio.as_completed(tasks))
    results = await asyncio.gather(second, first)
    print(f"t={loop.time()}: gather(second, first) ->", results)


asyncio.run(main())
