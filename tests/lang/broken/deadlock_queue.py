# expect-exit: 2
# expect-stderr-contains: deadlock
import asyncio
async def main():
    q = asyncio.Queue()
    await q.get()
asyncio.run(main())
