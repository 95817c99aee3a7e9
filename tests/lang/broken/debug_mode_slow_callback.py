# expect-exit: 2
# expect-stderr-contains: not supported by asim: asyncio's debug mode reporting a callback that blocked the loop for 0.200 seconds
# In debug mode CPython logs "Executing <Task ... created at .../asyncio/...>
# took 0.200 seconds": asim stops rather than print less.
import asyncio
import time


async def main():
    print("blocking")
    time.sleep(0.2)
    await asyncio.sleep(0)


asyncio.run(main(), debug=True)
