# sleep(0) yields to the loop once: two tasks interleave step by step.
import asyncio


async def count(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(count("a", 3), count("b", 3))


asyncio.run(main())
