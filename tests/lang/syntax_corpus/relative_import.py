# expect: 3:1: not supported by asim: relative imports (from . import ...)
import asyncio
from . import helpers


async def main():
    await helpers.run()


asyncio.run(main())
