# make bench: a three-stage pipeline through bounded queues, the stages
# sharing counters under a Lock.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 150_000


class Stats:
    def __init__(self):
        self.lock = asyncio.Lock()
        self.parsed = 0
        self.scaled = 0
        self.sum = 0


async def produce(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def parse(inq, outq, stats):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            return
        async with stats.lock:
            stats.parsed += 1
        await outq.put((item, item % 13))


async def scale(inq, outq, stats):
    while True:
        item = await inq.get()
        if item is None:
            await outq.put(None)
            return
        i, r = item
        async with stats.lock:
            stats.scaled += 1
        await outq.put(i * r)


async def consume(q, stats):
    while True:
        item = await q.get()
        if item is None:
            return
        async with stats.lock:
            stats.sum = (stats.sum * 7 + item) % 1_000_000_007


async def main():
    stats = Stats()
    q1 = asyncio.Queue(maxsize=16)
    q2 = asyncio.Queue(maxsize=8)
    q3 = asyncio.Queue(maxsize=4)
    await asyncio.gather(produce(q1, N), parse(q1, q2, stats), scale(q2, q3, stats), consume(q3, stats))
    print(f"parsed {stats.parsed}, scaled {stats.scaled}, sum {stats.sum}")


asyncio.run(main())
