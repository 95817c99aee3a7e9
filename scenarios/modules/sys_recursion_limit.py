# sys.getrecursionlimit() and setrecursionlimit(): a lower limit makes the
# RecursionError come sooner; the refusals say each version's words. (The
# depths themselves count the frames of the harness that runs the program,
# so only differences of depth are printed.)
import asyncio
import sys


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def too_low(levels):
    if levels:
        return too_low(levels - 1)
    try:
        sys.setrecursionlimit(3)
    except RecursionError as e:
        return str(e).split(" at ")[0]


async def main():
    print(sys.getrecursionlimit())
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(60)
    low = depth()
    print(sys.getrecursionlimit())
    print(too_low(10))
    sys.setrecursionlimit(200)
    print(depth() - low)
    for bad in (0, -1, 2.5, "100", None):
        try:
            sys.setrecursionlimit(bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    sys.setrecursionlimit(old)
    await asyncio.sleep(0)
    print(sys.getrecursionlimit() == old, depth() > 900)


asyncio.run(main())
