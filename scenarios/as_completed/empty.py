# An empty list: no items, nothing scheduled, no timeout handle either.
import asyncio


async def main():
    items = list(asyncio.as_completed([], timeout=1))
    print("items:", items, "time:", asyncio.get_running_loop().time())


asyncio.run(main())
