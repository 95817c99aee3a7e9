# `await` inside a function that is not `async def`.
import asyncio


def load(n):
    value = await asyncio.sleep(0.1, result=n)
    return value


print(load(3))
