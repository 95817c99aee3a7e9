# statistics.harmonic_mean (weights from 3.10), geometric_mean (3.8+) and
# quantiles (3.8+; a single data point is its own quantiles from 3.13).
import asyncio
import statistics
import sys


async def speed(leg, km, hours):
    await asyncio.sleep(hours)
    return leg, km / hours


async def main():
    legs = await asyncio.gather(speed("a", 60, 1.5), speed("b", 40, 0.5), speed("c", 90, 1.0))
    speeds = [s for _, s in legs]
    print(legs, statistics.harmonic_mean(speeds), statistics.harmonic_mean([1, 2, 4]))
    print(statistics.harmonic_mean([2.5]), statistics.harmonic_mean([0, 5]), statistics.harmonic_mean([3, 3, 3]))
    for bad in ([], [-1, 2]):
        try:
            statistics.harmonic_mean(bad)
        except statistics.StatisticsError as e:
            print("StatisticsError:", e)
    if sys.version_info >= (3, 10):
        print(statistics.harmonic_mean([40, 60], weights=[5, 30]))
    if sys.version_info >= (3, 8):
        print(round(statistics.geometric_mean([54, 24, 36]), 9), statistics.geometric_mean([2, 8]))
        try:
            statistics.geometric_mean([1, -2])
        except statistics.StatisticsError as e:
            print("StatisticsError:", e)
        data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91]
        print(statistics.quantiles(data), statistics.quantiles(data, n=10))
        print(statistics.quantiles(data, n=4, method="inclusive"), statistics.quantiles([1.5, 2.5], n=3))
        for args in (([1], 4), ([1, 2], 0)):
            try:
                print(statistics.quantiles(args[0], n=args[1]))
            except statistics.StatisticsError as e:
                print("StatisticsError:", e)
        try:
            statistics.quantiles(data, method="middle")
        except ValueError as e:
            print("ValueError:", e)


asyncio.run(main())
