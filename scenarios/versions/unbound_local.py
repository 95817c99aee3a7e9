# Reading a local before assigning it: the message changed wording in 3.11.
import asyncio

total = 0


async def add(n):
    total += n
    await asyncio.sleep(0)


asyncio.run(add(1))
