# A Lock hands itself to waiters in the order they asked.
import asyncio


async def user(name, lock):
    async with lock:
        print(f"{name} holds the lock at t={asyncio.get_running_loop().time()}")
        await asyncio.sleep(0.1)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(n, lock) for n in ("a", "b", "c")))
    print("locked at the end?", lock.locked())


asyncio.run(main())
