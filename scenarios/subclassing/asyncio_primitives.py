# Programs derive from asyncio's queues and locks to count, log or name
# things: the instance is still the primitive (isinstance, awaiting, reprs
# with the subclass's name), its __init__ reaches the base's through
# super().__init__(...) or Base.__init__(self, ...).
import asyncio


class CountingQueue(asyncio.Queue):
    def __init__(self, name, maxsize=0):
        super().__init__(maxsize)
        self.name = name
        self.puts = 0

    async def put(self, item):
        self.puts += 1
        await super().put(item)


class Stack(asyncio.LifoQueue):
    pass


class Jobs(asyncio.PriorityQueue):
    def __init__(self):
        asyncio.PriorityQueue.__init__(self, 3)


class NamedLock(asyncio.Lock):
    def __init__(self, name):
        super().__init__()
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: entering")
        return await super().__aenter__()


class Gate(asyncio.Event):
    def open(self):
        print("gate opens")
        self.set()


class Pool(asyncio.BoundedSemaphore):
    def __init__(self, size):
        super().__init__(size)
        self.size = size


class Signal(asyncio.Condition):
    pass


class Limiter(asyncio.Semaphore):
    def __repr__(self):
        return f"Limiter({self._value}) " + super().__repr__().split(" object at ")[0]


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0.01)


async def main():
    q = CountingQueue("numbers", maxsize=2)
    consumer_seen = []

    async def consumer():
        for _ in range(4):
            consumer_seen.append(await q.get())

    await asyncio.gather(producer(q, 4), consumer())
    print(q.name, q.puts, consumer_seen, q.maxsize, isinstance(q, asyncio.Queue), type(q).__name__)
    print(q, str(q) == repr(q).replace(repr(q).split(" ")[1] + " " + repr(q).split(" ")[2] + " ", ""))
    s = Stack()
    for i in "abc":
        s.put_nowait(i)
    print([s.get_nowait() for _ in range(3)], str(s), isinstance(s, asyncio.LifoQueue))
    j = Jobs()
    for p in (5, 1, 3):
        j.put_nowait((p, f"job{p}"))
    print(j.full(), j.maxsize, [j.get_nowait()[1] for _ in range(3)], str(j))

    lock = NamedLock("db")
    async with lock:
        print(lock.locked(), repr(lock).split(" object at ")[0])
    print(lock.locked(), repr(lock).endswith("[unlocked]>"))

    gate = Gate()
    waiter = asyncio.create_task(gate.wait())
    await asyncio.sleep(0.1)
    gate.open()
    print(await waiter, repr(gate).split(" object at ")[0], gate.is_set())

    pool = Pool(2)
    async with pool:
        print(pool.size, pool.locked(), repr(pool).split(" object at ")[0])
    try:
        pool.release()
    except ValueError as e:
        print("ValueError:", e)

    sig = Signal()
    async with sig:
        sig.notify_all()
        print("signal", sig.locked(), repr(sig).split(" object at ")[0])
    print(repr(Limiter(3)))


asyncio.run(main())
