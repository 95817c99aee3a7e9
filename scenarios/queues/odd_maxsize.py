# A Queue keeps its maxsize as given and compares it as Python does: 2.5
# lets three items in, a negative one never fills, and a maxsize that
# cannot be compared with 0 fails only when the queue asks whether it is
# full. Queue._unfinished_tasks is a plain attribute: a program may set it.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2.5)
    print(q.maxsize, repr(q.maxsize), q)
    n = 0
    while True:
        try:
            q.put_nowait(n)
        except asyncio.QueueFull:
            break
        n += 1
    print("items before full:", n, q.full(), q.qsize())

    unbounded = asyncio.Queue(-3)
    for i in range(5):
        unbounded.put_nowait(i)
    print("negative maxsize:", unbounded.full(), unbounded.qsize(), unbounded)

    odd = asyncio.Queue(maxsize="ten")
    print(odd)
    try:
        odd.put_nowait(1)
    except TypeError as e:
        print("TypeError:", e)

    counted = asyncio.LifoQueue()
    counted._unfinished_tasks = 3
    print(counted, counted._unfinished_tasks)
    counted.task_done()
    counted.task_done()
    print(counted)
    counted.task_done()
    print(counted)
    try:
        counted.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
