# expect-exit: 2
# expect-stderr-contains: yield_from_async.py:7:5: SyntaxError: 'yield from' inside async function
import asyncio


async def numbers():
    yield from [1, 2, 3]
    await asyncio.sleep(0)
