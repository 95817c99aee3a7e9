# asyncio.run called while a loop runs (a notebook habit): the RuntimeError
# comes from runners.run's own frame; 3.7 numbers it by the message's line.
import asyncio


async def inner():
    await asyncio.sleep(0.01)
    return 42


async def main():
    print("starting")
    return asyncio.run(inner())


asyncio.run(main())
