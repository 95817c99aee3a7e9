# 3.7-3.8: Task.current_task() is a classmethod (3.8 warns
# DeprecationWarning); from 3.9 it is gone, and the AttributeError names the
# C class as _asyncio.Task.
import asyncio


async def main():
    try:
        print(asyncio.Task.current_task() is asyncio.current_task())
        print(asyncio.Task.current_task(asyncio.get_running_loop()).get_coro().__name__)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        asyncio.Future.nope
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
