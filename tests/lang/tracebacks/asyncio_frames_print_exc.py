# traceback.print_exc() in the handler of exceptions that left asyncio's own
# code: queues, locks, events, semaphores, as_completed, wait_for.
import asyncio
import sys
import traceback


async def boom(delay, n):
    await asyncio.sleep(delay)
    raise KeyError(n)


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        traceback.print_exc()
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        traceback.print_exc()
    try:
        await asyncio.wait_for(q.put(3), 0.01)
    except asyncio.TimeoutError:
        traceback.print_exc()
    q.get_nowait()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        traceback.print_exc()
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        traceback.print_exc()
    event = asyncio.Event()
    try:
        await asyncio.wait_for(event.wait(), 0.01)
    except asyncio.TimeoutError:
        traceback.print_exc()
    sem = asyncio.Semaphore(0)
    try:
        await asyncio.wait_for(sem.acquire(), 0.01)
    except asyncio.TimeoutError:
        traceback.print_exc()
    try:
        await asyncio.wait_for(boom(0.01, "inner"), 1)
    except KeyError:
        traceback.print_exc()
    for coro in asyncio.as_completed([boom(0.01, "first")]):
        try:
            await coro
        except KeyError:
            traceback.print_exc()
            break
    await asyncio.sleep(0.05)
    print("done", file=sys.stderr)


asyncio.run(main())
