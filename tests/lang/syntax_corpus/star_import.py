# expect: 3:27: not supported by asim: star imports (from ... import *)
import asyncio
from asyncio.tasks import *


async def main():
    await sleep(0)


asyncio.run(main())
