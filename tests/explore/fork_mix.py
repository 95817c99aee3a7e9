# `asim explore` forks at each choice point (tests/explore/fork_test.py): its
# report must equal one whose every schedule runs from the start. Output
# before the first choice, choices at several depths (a second as_completed
# inside one order only), an exception in some orders, a claim reached in
# some orders only, and garbage that finalizers report at exit.
import asyncio

import asim


async def worker(name):
    await asyncio.sleep(0)
    return name


async def late(name):
    await asyncio.sleep(0.1)
    if name == "z":
        raise ValueError(name)
    return name


async def main():
    print("before any choice")
    order = []
    for x in asyncio.as_completed([worker(n) for n in "abc"]):
        order.append(await x)
    print(*order)
    if order[0] == "a":
        asim.claim("b precedes c after a", order.index("b") < order.index("c"))
        for x in asyncio.as_completed([late(n) for n in "xyz"]):
            print("late", await x)
    elif order[0] == "b":
        # Never awaited: reported when the run ends.
        worker("never")


asyncio.run(main())
