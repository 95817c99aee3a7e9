# A task wrapping one of asyncio's own coroutines (sleep, Queue.get,
# Event.wait, Lock.acquire, Semaphore.acquire, Queue.put...) shows where
# CPython's frame of it stands: "running at LIB/asyncio/FILE:LINE" while it
# awaits its future, "done, defined at LIB/asyncio/FILE:LINE" once finished
# (printed here from "asyncio/" on, the install folder left out).
import asyncio
import re


def shown(task):
    text = re.sub(r" wait_for=.*>>$", ">", repr(task))
    return re.sub(r"\S*/(asyncio/\w+\.py:\d+)", r"\1", text)


async def main():
    q = asyncio.Queue(maxsize=1)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(0)
    ev = asyncio.Event()
    await lock.acquire()
    await q.put("first")
    tasks = [
        asyncio.ensure_future(asyncio.sleep(1, "slept")),
        asyncio.ensure_future(asyncio.Queue().get()),
        asyncio.ensure_future(ev.wait()),
        asyncio.ensure_future(lock.acquire()),
        asyncio.ensure_future(sem.acquire()),
        asyncio.ensure_future(q.put("second")),
    ]
    print(shown(tasks[0]))
    await asyncio.sleep(0)
    for t in tasks:
        print(shown(t))
    ev.set()
    lock.release()
    sem.release()
    q.get_nowait()
    await asyncio.sleep(2)
    for t in tasks:
        print(shown(t))
    tasks[1].cancel()
    await asyncio.sleep(0)
    print(shown(tasks[1]))


asyncio.run(main())
