# One result before the timeout, then every remaining item raises TimeoutError
# at the same moment.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.1, 5.0, 6.0)]
    for item in asyncio.as_completed(tasks, timeout=0.5):
        try:
            print(f"result {await item} at t={loop.time()}")
        except asyncio.TimeoutError:
            print(f"TimeoutError at t={loop.time()}")
    for t in tasks:
        t.cancel()


asyncio.run(main())
