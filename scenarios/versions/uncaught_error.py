# An exception escaping main: the traceback ends with the exception's line.
import asyncio


async def fetch():
    await asyncio.sleep(0.1)
    raise KeyError("missing")


async def main():
    await fetch()


asyncio.run(main())
