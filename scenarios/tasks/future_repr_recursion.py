# asim: python>=3.8
# A future whose result holds the future itself: its repr meets itself
# again. 3.8-3.10 print the inner result as "...", 3.11+ the whole inner
# repr; a task returning all_tasks() (itself among them) likewise.
import asyncio


async def everything():
    return asyncio.all_tasks()


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result([fut])
    print(repr(fut))
    box = {"me": None}
    other = asyncio.get_running_loop().create_future()
    box["me"] = other
    other.set_result(box)
    print(repr(other))
    result = await asyncio.wait_for(everything(), timeout=10)
    print("..." in repr(result), len(result))


asyncio.run(main())
