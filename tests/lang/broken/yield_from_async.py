# expect-exit: 1
# expect-stderr-last: SyntaxError: 'yield from' inside async function
import asyncio


async def numbers():
    yield from [1, 2, 3]
    await asyncio.sleep(0)
