# expect-exit: 1
# expect-stderr-last: sys:1: RuntimeWarning: coroutine 'inner' was never awaited
import asyncio
async def inner():
    pass
async def main():
    asyncio.run(inner())
asyncio.run(main())
