# expect-exit: 2
# expect-stderr-contains: traceback_through_wait_for.py:13: not supported by asim: traceback.tb_next of an exception that passed through asyncio's code
# expect-stderr-lines: 1
# CPython's traceback of wait_for's TimeoutError holds asyncio's own frames
# (wait_for in tasks.py), which asim does not keep: walking it stops.
import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except asyncio.TimeoutError as e:
        tb = e.__traceback__
        print(tb.tb_next)

asyncio.run(main())
