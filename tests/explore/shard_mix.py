# `asim explore --shard K/N` and `--merge` (tests/explore/shards_test.py):
# 24 start orders of four coroutines, several outcomes, and claims that hold
# in some orders and are not reached in others.
import asyncio

import asim


async def worker(name):
    await asyncio.sleep(0)
    return name


async def main():
    order = []
    for x in asyncio.as_completed([worker(n) for n in "abcd"]):
        order.append(await x)
    asim.claim("a comes first", order[0] == "a")
    if order[-1] == "d":
        asim.claim("b before c when d is last", order.index("b") < order.index("c"))
    print(order[0], order[-1])


asyncio.run(main())
