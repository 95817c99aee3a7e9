# 3.7-3.8: `with await lock:` takes the lock (DeprecationWarning at that line)
# and the block's end releases it; from 3.9 a lock is not awaitable.
import asyncio

async def user(lock, name):
    with await lock:
        print(name, "holds", lock.locked())
        await asyncio.sleep(0.1)
    print(name, "done", lock.locked())

async def main():
    lock = asyncio.Lock()
    try:
        await asyncio.gather(user(lock, "a"), user(lock, "b"))
    except TypeError as e:
        print("TypeError:", e)
    sem = asyncio.Semaphore()
    try:
        with await sem:
            print("sem", sem.locked())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
