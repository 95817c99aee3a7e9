# expect-exit: 2
# expect-stderr-contains: the step limit
import asyncio
async def main():
    while True:
        await asyncio.sleep(0)
asyncio.run(main())
