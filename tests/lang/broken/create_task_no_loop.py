# expect-exit: 1
# expect-stderr-last: sys:1: RuntimeWarning: coroutine 'job' was never awaited
import asyncio
async def job():
    pass
asyncio.create_task(job())
