# A Semaphore(2) lets two tasks in at a time.
import asyncio


async def user(name, sem):
    async with sem:
        print(f"{name} in at t={asyncio.get_running_loop().time()}")
        await asyncio.sleep(0.1)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(user(n, sem) for n in "abcde"))


asyncio.run(main())
