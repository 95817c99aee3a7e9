# expect-exit: 2
# expect-stderr-contains: the time limit
import asyncio
async def main():
    while True:
        await asyncio.sleep(1e6)
asyncio.run(main())
