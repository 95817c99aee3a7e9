# asim: python>=3.8
# A bounded queue: the producer blocks when it is full, the consumer when empty.
import asyncio


async def producer(q, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await q.put(i)
        print(f"t={loop.time():.2f} put {i} (size {q.qsize()})")
    await q.put(None)


async def consumer(q):
    loop = asyncio.get_running_loop()
    total = 0
    while (item := await q.get()) is not None:
        await asyncio.sleep(0.1)
        total += item
        print(f"t={loop.time():.2f} got {item}")
    return total


async def main():
    q = asyncio.Queue(maxsize=2)
    _, total = await asyncio.gather(producer(q, 5), consumer(q))
    print("total", total)


asyncio.run(main())
