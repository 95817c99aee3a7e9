# A typo in a coroutine: the last line of the traceback gains a "Did you mean"
# hint from 3.10 on.
import asyncio


async def main():
    delay = 0.1
    await asyncio.sleep(dealy)


asyncio.run(main())
