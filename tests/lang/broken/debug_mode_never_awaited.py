# expect-exit: 2
# expect-stderr-contains: not supported by asim: the RuntimeWarning for coroutine 'job' never awaited in asyncio's debug mode
# Debug mode tracks where each coroutine is made: CPython's warning lists
# those frames, through asyncio's own files.
import asyncio


async def job():
    return 1


async def main():
    job()
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main(), debug=True)
