# expect-exit: 1
# expect-stderr-last: NameError: name 'undefined_delay' is not defined
import asyncio
async def main():
    await asyncio.sleep(undefined_delay)
asyncio.run(main())
