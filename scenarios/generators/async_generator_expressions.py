# Asynchronous generator expressions: `async for` or `await` inside make one.
import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def double(x):
    await asyncio.sleep(0.1)
    return 2 * x

async def main():
    squares = (i * i async for i in ticks(4))
    print(type(squares).__name__)
    print([s async for s in squares])
    doubled = (await double(x) for x in range(3))
    print([d async for d in doubled], asyncio.get_running_loop().time())

asyncio.run(main())
