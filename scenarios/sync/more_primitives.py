# PriorityQueue (smallest first, by Python's <), LifoQueue, BoundedSemaphore and
# Condition (wait_for a predicate; notify one, then all).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait(item)
    print(pq.qsize(), [pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print(lq.full(), [await lq.get() for _ in range(3)], type(lq).__name__, isinstance(lq, asyncio.Queue))
    try:
        pq.put_nowait(1)
        pq.put_nowait("x")
    except TypeError as e:
        print("TypeError:", e, pq.qsize())

    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside, locked:", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = asyncio.Condition()
    ready = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: ready)
            item = ready.pop()
            print(f"{name} got {item} at t={loop.time()}")

    async def producer():
        for i in range(3):
            await asyncio.sleep(0.5)
            async with cond:
                ready.append(i)
                cond.notify()
        await asyncio.sleep(0.5)
        async with cond:
            ready.extend([10, 11])
            cond.notify_all()

    workers = [asyncio.create_task(consumer(f"c{i}")) for i in range(5)]
    await producer()
    await asyncio.sleep(0)
    print("pending:", sum(not w.done() for w in workers))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
