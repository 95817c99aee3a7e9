# asim: python>=3.13
# Queue.shutdown(): puts fail at once, gets drain what is left and then fail,
# blocked getters wake up to QueueShutDown; immediate=True drops the items and
# marks them done, so join() returns.
import asyncio


async def consumer(q, name):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            print(name, "sees the queue shut down")
            return
        print(name, "got", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    c1 = asyncio.create_task(consumer(q, "c1"))
    c2 = asyncio.create_task(consumer(q, "c2"))
    for i in range(3):
        await q.put(i)
    await asyncio.sleep(0.1)
    q.shutdown()
    print(q)
    try:
        await q.put(9)
    except asyncio.QueueShutDown as e:
        print("put:", repr(e))
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait: QueueShutDown")
    await c1
    await c2

    q2 = asyncio.Queue(maxsize=1)
    q2.put_nowait("a")
    blocked = asyncio.create_task(q2.put("b"))
    await asyncio.sleep(0)
    q2.shutdown(immediate=True)
    print(q2.qsize(), q2.empty(), q2._unfinished_tasks)
    await q2.join()
    try:
        await blocked
    except asyncio.QueueShutDown:
        print("blocked put: QueueShutDown")

    q3 = asyncio.Queue()
    q3.put_nowait("last")
    q3.shutdown()
    print(await q3.get())
    try:
        await q3.get()
    except asyncio.QueueShutDown:
        print("q3 drained, then QueueShutDown")
    print(issubclass(asyncio.QueueShutDown, Exception), asyncio.QueueShutDown.__module__)


asyncio.run(main())
