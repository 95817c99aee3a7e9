# expect-exit: 1
# expect-stderr-contains: RecursionError: maximum recursion depth exceeded
# Two tasks gathering each other: cancelling one recurses through both
# gathers until the recursion limit, where CPython raises RecursionError from
# cancel() (found by the differential fuzzer; asim used to overflow its stack).
# asyncio.run's own cancel of the tasks left fails the same way, uncaught.
import asyncio


async def a():
    await asyncio.gather(tb)


async def b():
    await asyncio.sleep(0)
    await asyncio.gather(ta)


async def main():
    global ta, tb
    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    await asyncio.sleep(0.1)
    try:
        ta.cancel()
    except RecursionError as e:
        print("RecursionError", e)


asyncio.run(main())
