# make bench: 100 000 coroutines through as_completed. Each sleeps a distinct
# pseudo-random time, so the completion order (and the output) does not depend
# on the order CPython happens to create the tasks in.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


async def work(i, delay):
    await asyncio.sleep(delay)
    return i


async def main():
    coros = [work(i, (i * 7919 % N) / 1000) for i in range(N)]
    checksum = 0
    position = 0
    for item in asyncio.as_completed(coros):
        i = await item
        position += 1
        checksum = (checksum * 31 + i * position) % 1_000_000_007
    loop = asyncio.get_running_loop()
    print(f"{position} results, checksum {checksum}, finished at t={loop.time()}")


asyncio.run(main())
