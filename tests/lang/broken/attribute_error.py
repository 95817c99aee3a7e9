# expect-exit: 1
# expect-stderr-last: AttributeError: '_asyncio.Task' object has no attribute 'no_such_method'
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    t.no_such_method()
asyncio.run(main())
