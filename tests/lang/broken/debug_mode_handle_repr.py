# expect-exit: 2
# expect-stderr-contains: not supported by asim: the repr of a Handle in asyncio's debug mode
# In debug mode a handle keeps the stack it was made on, and its repr ends
# in "created at FILE:LINE".
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handle = loop.call_soon(print, "called")
    print(handle)
    await asyncio.sleep(0)


asyncio.run(main(), debug=True)
