# 3.7-3.8: generator-based coroutines take a lock with `with (yield from
# lock):` (DeprecationWarning at that line), Semaphore and Condition too; the
# block's end releases it, even when the block raises; a plain `with lock:`
# raises RuntimeError. From 3.9 the lock is no longer iterable, and from 3.11
# asyncio.coroutine is gone.
import asyncio
import sys

if sys.version_info < (3, 11):
    coroutine = asyncio.coroutine
else:
    def coroutine(func):
        return func


@coroutine
def holder(lock, name, delay):
    with (yield from lock):
        print(name, "holds", type(lock).__name__, lock.locked())
        yield from asyncio.sleep(delay)
    print(name, "released", lock.locked())


@coroutine
def failing(lock):
    try:
        with (yield from lock):
            raise ValueError("inside")
    except ValueError as e:
        print("caught", e, "locked:", lock.locked())


async def main():
    lock = asyncio.Lock()
    try:
        with lock:
            print("entered")
    except RuntimeError as e:
        print("RuntimeError:", e)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__)
    try:
        await asyncio.gather(holder(lock, "a", 0.2), holder(lock, "b", 0.1))
        await holder(asyncio.Semaphore(2), "s", 0.1)
        await holder(asyncio.Condition(), "c", 0.1)
        await failing(lock)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
