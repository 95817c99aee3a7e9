# asim: python>=3.11
# TaskGroup.__aexit__ raising the group, and asyncio.timeout's __aexit__
# raising TimeoutError, each with asyncio's frames.
import asyncio
import traceback


async def worker(n):
    await asyncio.sleep(0.01 * n)
    if n % 2:
        raise ValueError(n)
    return n


async def main():
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except TimeoutError:
        traceback.print_exc()
    async with asyncio.TaskGroup() as tg:
        for n in range(4):
            tg.create_task(worker(n))


asyncio.run(main())
