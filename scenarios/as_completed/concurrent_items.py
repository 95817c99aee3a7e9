# Two legacy items awaited by two separate tasks: whichever task waits first gets
# the first result, whatever item it holds.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def holder(label, item):
    result = await item
    print(f"{label} got {result} at t={asyncio.get_running_loop().time()}")


async def main():
    tasks = [asyncio.create_task(job("late", 0.2)), asyncio.create_task(job("early", 0.1))]
    first, second = list(asyncio.as_completed(tasks))
    h2 = asyncio.create_task(holder("holder of the second item", second))
    h1 = asyncio.create_task(holder("holder of the first item", first))
    await h2
    await h1


asyncio.run(main())
