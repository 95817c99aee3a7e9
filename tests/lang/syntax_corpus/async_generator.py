# expect: 4:9: not supported by asim: yield in an async def (async generators)
async def ticks():
    for i in range(3):
        yield i
        await asyncio.sleep(1)
