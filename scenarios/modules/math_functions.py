# math in an asyncio program: libm results for measurements and backoff
# delays, exact factorials, fsum, CPython's error messages, and the integer
# functions later versions added (isqrt/comb/perm/prod/dist 3.8, lcm 3.9).
import asyncio
import math
import sys


async def measure(i):
    await asyncio.sleep(0.01 * i)
    return math.sqrt(i) * 10


async def main():
    values = await asyncio.gather(*(measure(i) for i in range(1, 6)))
    print(values)
    print(math.floor(values[1]), math.ceil(values[1]), math.trunc(-values[2]), round(values[3], 3))
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
    print(math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001), math.exp(2), math.pow(2, 0.5))
    print(math.sin(math.pi / 6), math.cos(0), math.atan2(1, -1), math.hypot(3, 4), math.degrees(math.pi), math.radians(90))
    print(math.factorial(20), math.factorial(25), math.gcd(12, 18), math.fabs(-2), math.copysign(3, -0.0))
    print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.fsum([0.1] * 10))
    print(math.modf(2.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3), math.isfinite(1e308 * 10))
    backoff = [min(30, 0.5 * math.pow(2, n)) for n in range(8)]
    print(backoff, math.floor(math.log2(30 / 0.5)))
    for bad in [(math.sqrt, -1), (math.log, 0), (math.factorial, -3), (math.exp, 1000), (math.floor, float("inf")), (math.sqrt, "4")]:
        try:
            bad[0](bad[1])
        except (ValueError, OverflowError, TypeError) as e:
            print(type(e).__name__, e)
    if sys.version_info >= (3, 8):
        print(math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
    if sys.version_info >= (3, 9):
        print(math.lcm(4, 6), math.gcd(12, 18, 8))


asyncio.run(main())
