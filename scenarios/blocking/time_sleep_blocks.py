# time.sleep() inside a coroutine blocks the whole event loop: two tasks that
# each sleep 1 s take 2 s with time.sleep, 1 s with asyncio.sleep. The time
# module reads the same virtual clock as the loop.
import asyncio
import time


async def blocking(name):
    print(f"{name} starts at t={asyncio.get_running_loop().time()}")
    time.sleep(1)
    print(f"{name} ends at t={asyncio.get_running_loop().time()}")


async def cooperative(name):
    print(f"{name} starts at t={asyncio.get_running_loop().time()}")
    await asyncio.sleep(1)
    print(f"{name} ends at t={asyncio.get_running_loop().time()}")


async def main():
    for worker in (blocking, cooperative):
        start = time.perf_counter()
        await asyncio.gather(worker("a"), worker("b"))
        print(f"{worker.__name__}: {time.perf_counter() - start:.2f} s")


asyncio.run(main())
