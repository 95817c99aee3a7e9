# expect-exit: 1
# expect-stderr-last: TypeError: object list can't be used in 'await' expression
import asyncio
async def main():
    await [asyncio.sleep(0)]
asyncio.run(main())
