# expect-exit: 1
# expect-stderr-last: RecursionError: maximum recursion depth exceeded
import asyncio
async def f(n):
    return await f(n + 1)
asyncio.run(f(0))
