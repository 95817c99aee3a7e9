# Jittered retry delays drawn from random's distributions: gauss keeps the
# second value of each Box-Muller pair for its next call (seed() drops it),
# normalvariate, lognormvariate and triangular (with and without a mode).
import asyncio
import random
import sys


async def client(name, rng, log):
    for attempt in range(3):
        delay = max(0.01, rng.gauss(0.2, 0.05))
        await asyncio.sleep(delay)
        log.append(f"{name} attempt {attempt} waited {delay:.5f}")


async def main():
    random.seed(2024)
    print(round(random.gauss(10, 2), 9), round(random.gauss(0.0, 1.0), 9))
    random.seed(2024)
    print(round(random.gauss(10, 2), 9), "after reseed")
    print(round(random.normalvariate(0, 1), 9))
    try:
        print(round(random.normalvariate(), 9), round(random.gauss(), 9))  # 3.11+: mu=0.0, sigma=1.0
    except TypeError as e:
        print("TypeError:", e, sys.version_info < (3, 11))
    print(round(random.lognormvariate(0.0, 0.5), 9))
    print(round(random.triangular(1, 5), 9), round(random.triangular(0, 10, 8), 9), random.triangular(3, 3, 3))
    print(round(random.triangular(), 9))
    log = []
    rng = random.Random(99)
    await asyncio.gather(client("a", rng, log), client("b", rng, log))
    print("\n".join(log))
    print(round(asyncio.get_running_loop().time(), 5))


asyncio.run(main())
