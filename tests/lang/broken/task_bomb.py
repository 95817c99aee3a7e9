# expect-exit: 2
# expect-stderr-contains: the task limit
import asyncio
async def spawn():
    asyncio.create_task(spawn())
    asyncio.create_task(spawn())
    await asyncio.sleep(1)
asyncio.run(spawn())
