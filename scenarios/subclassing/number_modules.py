# int and float subclass instances where the math, random and asyncio
# functions want numbers: they are taken as the numbers they are.
import asyncio
import math
import random


class Seconds(float):
    def __repr__(self):
        return f"Seconds({float(self)})"


class Count(int):
    pass


async def tick(delay):
    await asyncio.sleep(delay)
    return asyncio.get_running_loop().time()


async def main():
    half = Seconds(0.5)
    print(math.floor(Seconds(2.5)), math.ceil(half), math.sqrt(Count(16)), math.isclose(half, 0.5), math.fabs(Seconds(-1.5)))
    print(math.factorial(Count(5)), math.gcd(Count(12), 18), math.log(Count(8), 2), math.pow(half, 2))
    rng = random.Random(7)
    print(rng.randint(Count(1), Count(6)), rng.uniform(half, Seconds(1.5)) < 1.5, rng.randrange(Count(10)))
    print(await tick(half), await asyncio.wait_for(tick(Seconds(0.25)), timeout=Seconds(1.0)))
    loop = asyncio.get_running_loop()
    fired = loop.create_future()
    loop.call_later(Seconds(0.1), fired.set_result, "fired")
    print(await fired, loop.time())


asyncio.run(main())
