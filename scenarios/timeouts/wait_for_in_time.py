# wait_for returns the result when the awaitable finishes before the timeout.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(asyncio.sleep(0.1, "in time"), timeout=1), "at", loop.time())
    print(await asyncio.wait_for(asyncio.sleep(0.1, "no timeout"), timeout=None), "at", loop.time())


asyncio.run(main())
