# expect-exit: 1
# expect-stderr-last: asyncio.exceptions.InvalidStateError: Result is not set.
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.result()
asyncio.run(main())
