# gather propagates the first exception unless return_exceptions=True; the other
# children keep running either way.
import asyncio


async def ok(delay):
    await asyncio.sleep(delay)
    return delay


async def boom(delay):
    await asyncio.sleep(delay)
    raise RuntimeError(f"boom at {delay}")


async def main():
    print(await asyncio.gather(ok(0.2), boom(0.1), return_exceptions=True))
    try:
        await asyncio.gather(ok(0.2), boom(0.1))
    except RuntimeError as exc:
        print(f"t={asyncio.get_running_loop().time()}: gather raised", repr(exc))
    await asyncio.sleep(0.5)


asyncio.run(main())
