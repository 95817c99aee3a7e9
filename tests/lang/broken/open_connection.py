# expect-exit: 2
# expect-stderr-contains: open_connection.py:13: not supported by asim: asyncio.open_connection (asim models no I/O: simulate it with asyncio.sleep)
import asyncio


async def fetch():
    await asyncio.sleep(0.1)
    return 42


async def main():
    try:
        reader, writer = await asyncio.open_connection("example.com", 80)
    except Exception as e:
        print("a Python handler cannot hide it:", e)


asyncio.run(main())
