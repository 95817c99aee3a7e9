"""Averages of task durations: sum() of floats adds them one by one up to
3.11 and compensates rounding (Neumaier) from 3.12."""
import asyncio


async def timed(delay):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(delay)
    return loop.time() - start


async def main():
    durations = await asyncio.gather(*(timed(d) for d in (0.1, 0.2, 0.3)))
    print(sum(durations), sum(durations) / len(durations))
    print(sum([0.1, 0.2, 0.3]), sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
    print(sum([1, 0.1, 2, 0.2]), sum((0.1, 0.7), 1), sum([0.5, 0.25], 0.125))
    print(__doc__.split()[0], __doc__.splitlines()[-1])


asyncio.run(main())
