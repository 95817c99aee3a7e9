# make bench: async generators chained by async for and async
# comprehensions, with sleeps between items.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


async def numbers(n):
    for i in range(n):
        if i % 100 == 0:
            await asyncio.sleep(0.001)
        yield i


async def squares(source):
    async for x in source:
        yield x * x % 10007


async def evens(source):
    async for x in source:
        if x % 2 == 0:
            yield x


async def consumer(k):
    total = 0
    async for x in evens(squares(numbers(N // 4))):
        total = (total * 3 + x + k) % 1_000_000_007
    chunk = [x async for x in squares(numbers(100))]
    return total + sum(chunk)


async def main():
    totals = await asyncio.gather(*[consumer(k) for k in range(4)])
    print(f"totals {totals}, t={asyncio.get_running_loop().time():.3f}")


asyncio.run(main())
