# expect-exit: 2
# expect-stderr-contains: not supported by asim: the repr of a Task in asyncio's debug mode
# set_debug(True) inside the run: the task made afterwards prints where
# CPython's own files created it.
import asyncio


async def main():
    asyncio.get_running_loop().set_debug(True)
    task = asyncio.create_task(asyncio.sleep(0.1))
    print(task)
    await task


asyncio.run(main())
