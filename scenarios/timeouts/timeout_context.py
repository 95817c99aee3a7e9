# asim: python>=3.11
# asyncio.timeout() cancels the block's task at the deadline and turns the
# CancelledError into TimeoutError at the block's end.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError as exc:
        print(f"t={loop.time()}: TimeoutError; expired={cm.expired()}",
              "cause:", type(exc.__cause__).__name__)
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.1)
    print(f"t={loop.time()}: in time; expired={cm.expired()}")


asyncio.run(main())
