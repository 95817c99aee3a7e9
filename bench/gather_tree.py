# make bench: a tree of gathers with return_exceptions, leaves sleeping and
# some raising.
import asyncio
import sys

DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 9
FANOUT = 3


async def leaf(path):
    await asyncio.sleep((path % 17) / 100)
    if path % 5 == 0:
        raise KeyError(path)
    return path


async def node(depth, path):
    if depth == 0:
        return await leaf(path)
    results = await asyncio.gather(*[node(depth - 1, path * FANOUT + k) for k in range(FANOUT)],
                                   return_exceptions=True)
    total = 0
    for r in results:
        if isinstance(r, BaseException):
            total += 1
        else:
            total += r % 1000
    return total


async def main():
    total = await node(DEPTH, 1)
    print(f"tree of depth {DEPTH}: {total}, t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
