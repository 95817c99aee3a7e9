# make bench: exploration throughput. Eight coroutines through as_completed:
# the order as_completed starts them is a choice point (set order), so
# `asim explore` has 8! = 40 320 schedules to run. It prints the results
# sorted, so its output is the same in every order.
import asyncio


async def worker(i):
    await asyncio.sleep(0)
    return i


async def main():
    order = []
    for x in asyncio.as_completed([worker(i) for i in range(8)]):
        order.append(await x)
    print(sorted(order))


asyncio.run(main())
