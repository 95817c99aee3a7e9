# expect-exit: 1
# expect-stderr-last: asyncio.exceptions.InvalidStateError: invalid state
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    fut.set_result(2)
asyncio.run(main())
