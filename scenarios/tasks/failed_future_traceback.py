# Awaiting a failed task again: from 3.10 Future.result() raises the
# exception with the traceback it had when set, so it does not grow.
import asyncio


async def fail():
    raise ValueError("x")


def depth(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


async def main():
    task = asyncio.ensure_future(fail())
    for _ in range(3):
        try:
            await task
        except ValueError as e:
            print("frames", depth(e.__traceback__))
    fut = asyncio.get_running_loop().create_future()
    try:
        raise KeyError("k")
    except KeyError as e:
        fut.set_exception(e)
    for _ in range(2):
        try:
            fut.result()
        except KeyError as e:
            print("result frames", depth(e.__traceback__))


asyncio.run(main())
