# expect-exit: 2
# expect-stderr-contains: library_only_traceback_object.py:15: not supported by asim: traceback.tb_frame of an exception that passed through asyncio's code
# An exception that only passed through asyncio's own code (a task of
# wait_for that timed out) has, in CPython, a traceback of asyncio's frames.
# asim prints their entries (model/asyncio/library_frames.hpp) but keeps no
# frame objects for them: walking such a traceback stops the run.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(asyncio.wait_for(loop.create_future(), 0.1))
    await asyncio.sleep(1)
    e = t.exception()
    print(e.__traceback__.tb_frame)


asyncio.run(main())
