# asim: python>=3.11
# make bench: TaskGroup fan-out, groups nested in groups, one group in ten
# failing and its siblings cancelled.
import asyncio
import sys

GROUPS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
WIDTH = 60


async def child(g, i, results):
    await asyncio.sleep(i % 9 / 100)
    if g % 10 == 3 and i == 7:
        raise ValueError(g)
    results.append(g * WIDTH + i)


async def group(g, results):
    failed = 0
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(WIDTH):
                tg.create_task(child(g, i, results))
    except* ValueError as eg:
        failed = len(eg.exceptions)
    return failed


async def main():
    results = []
    async with asyncio.TaskGroup() as tg:
        groups = [tg.create_task(group(g, results)) for g in range(GROUPS)]
    failed = sum(t.result() for t in groups)
    checksum = 0
    for r in results:
        checksum = (checksum * 31 + r) % 1_000_000_007
    print(f"{len(results)} results, {failed} failed groups, checksum {checksum}, "
          f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
