# expect-exit: 2
# expect-stderr-contains: library_only_traceback_object.py:15: not supported by asim: the __traceback__ of an exception that passed through asyncio's code only
# An exception that only passed through asyncio's own code (a task of
# wait_for that timed out) has, in CPython, a traceback object of asyncio's
# frames; asim keeps none, and None would make format_exception drop the
# "Traceback (most recent call last):" header. The run stops instead.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(asyncio.wait_for(loop.create_future(), 0.1))
    await asyncio.sleep(1)
    e = t.exception()
    print(e.__traceback__)


asyncio.run(main())
