# Programs look inside asyncio's locks and queues through their waiter
# deques: each is a collections.deque of the futures waiting, in order.
import asyncio
import collections

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    waiters = [asyncio.create_task(lock.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    w = lock._waiters
    print(type(w).__name__, isinstance(w, collections.deque), len(w), bool(w))
    print([f.done() for f in w], w[0] is list(w)[0], w.count(w[1]), w.index(w[2]))
    snapshot = w.copy()
    snapshot.append(None)
    print(len(snapshot), len(lock._waiters), type(snapshot).__name__)
    for _ in waiters:
        lock.release()
        await asyncio.sleep(0)
        print("waiting:", len(lock._waiters))
    lock.release()

    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    putter = asyncio.create_task(q.put("y"))
    getter_q = asyncio.Queue()
    getter = asyncio.create_task(getter_q.get())
    await asyncio.sleep(0)
    print(len(q._putters), len(q._getters), len(getter_q._getters), len(getter_q._putters))
    print(await q.get(), await q.get())
    getter.cancel()
    await asyncio.sleep(0)
    print(len(getter_q._getters), putter.done(), getter.cancelled())

    ev = asyncio.Event()
    t = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(len(ev._waiters), "waiters:1" in repr(ev))
    ev.set()
    await t
    print(len(ev._waiters), repr(ev._waiters))

asyncio.run(main())
