# gather returns results in argument order, once all are done; as_completed
# gives them in completion order, as each finishes.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))
    print(f"t={loop.time()}: gather ->", results)
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    for item in asyncio.as_completed(tasks):
        print(f"t={loop.time()}: as_completed ->", await item)


asyncio.run(main())
