# The classic first asyncio mistake: awaiting at the top of a script. The
# compiler rejects it before anything runs; 3.10+ mark the whole await.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n * 2


result = await fetch(21)
print(result)
