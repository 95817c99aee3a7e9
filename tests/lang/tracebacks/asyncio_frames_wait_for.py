# wait_for timing out: the CancelledError of the sleep it cancelled (sleep's
# and wait_for's frames) chained to the TimeoutError wait_for raises (3.12+:
# through `async with timeouts.timeout(...)`).
import asyncio


async def slow_job():
    await asyncio.sleep(1)
    return "done"


async def main():
    print("waiting")
    result = await asyncio.wait_for(slow_job(), timeout=0.05)
    print(result)


asyncio.run(main())
