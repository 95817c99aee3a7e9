# expect-exit: 1
# expect-stderr-last: TypeError: job() missing 1 required positional argument: 'b'
import asyncio
async def job(a, b):
    return a
asyncio.run(job(1))
