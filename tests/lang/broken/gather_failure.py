# expect-exit: 1
# expect-stderr-last: ValueError: one failed
import asyncio
async def bad():
    raise ValueError("one failed")
async def main():
    await asyncio.gather(asyncio.sleep(0.1), bad())
asyncio.run(main())
