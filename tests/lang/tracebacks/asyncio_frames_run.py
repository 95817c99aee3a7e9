# An exception leaving asyncio.run: asyncio's own frames (runners.py,
# base_events.py) stand between the program's module line and main's.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.01)
    if n == 2:
        raise ValueError(f"bad item {n}")
    return n


async def main():
    total = 0
    for n in range(3):
        total += await fetch(n)
    print("total", total)


asyncio.run(main())
