# Breaking out of the iteration and iterating the same as_completed object again
# continues where it stopped.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.4), ("b", 0.1), ("c", 0.3), ("d", 0.2)]]
    iterator = asyncio.as_completed(tasks)
    collected = []
    for item in iterator:
        collected.append(await item)
        if len(collected) == 2:
            break
    print("first pass:", collected)
    for item in iterator:
        collected.append(await item)
    print("after resuming:", collected)


asyncio.run(main())
