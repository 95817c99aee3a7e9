# gather with the same task twice: one child, its result reported twice.
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(0.1, "r"))
    print(await asyncio.gather(t, t, asyncio.sleep(0, "s")))


asyncio.run(main())
