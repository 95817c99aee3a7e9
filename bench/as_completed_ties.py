# make bench: an as_completed fan-out over coroutines and tasks together, many
# of them sharing a deadline, one in seven raising. Ties complete in the
# order their timers were scheduled, and as_completed wraps the coroutines in
# set order (addresses): the checksum weighs each result by the time it came
# in, not by its position, so it does not depend on that order.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 60_000


async def work(i):
    await asyncio.sleep((i % 40) / 100)
    if i % 7 == 0:
        raise ValueError(i)
    return i


async def main():
    half = N // 2
    aws = [work(i) for i in range(half)]
    aws += [asyncio.ensure_future(work(i)) for i in range(half, N)]
    loop = asyncio.get_running_loop()
    total = 0
    failed = 0
    position = 0
    for item in asyncio.as_completed(aws):
        position += 1
        try:
            i = await item
        except ValueError as e:
            failed += 1
            i = e.args[0]
        total = (total + i * round(loop.time() * 100)) % 1_000_000_007
    print(f"{position} done, {failed} failed, checksum {total}, t={loop.time()}")


asyncio.run(main())
