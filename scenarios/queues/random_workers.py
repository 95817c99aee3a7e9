# Workers take jobs of random length from a queue; a seeded random.Random
# makes the run the same every time, under CPython and asim alike.
import asyncio
import random

async def worker(name, queue, results):
    while True:
        delay = await queue.get()
        await asyncio.sleep(delay)
        results.append((name, delay))
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    rng = random.Random(42)
    for _ in range(10):
        queue.put_nowait(round(rng.uniform(0.05, 1.0), 2))
    results = []
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue, results)) for i in range(3)]
    started = asyncio.get_running_loop().time()
    await queue.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"{len(results)} items in {asyncio.get_running_loop().time() - started:.2f}s")
    print(results[:3])

asyncio.run(main())
