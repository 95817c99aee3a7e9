# asend/athrow drive an async generator by hand; a StopAsyncIteration raised in
# its body becomes a RuntimeError; 3.13 warns about an asend() never awaited.
import asyncio


async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print("accumulator caught", e)
            value = 0
        if value is None:
            return
        total += value
        await asyncio.sleep(0.1)


async def bad():
    yield 1
    raise StopAsyncIteration


async def main():
    acc = accumulator()
    print(await acc.asend(None), await acc.asend(5), await acc.asend(10))
    print(await acc.athrow(ValueError("reset")))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("accumulator finished at t =", asyncio.get_running_loop().time())
    print(type(acc).__name__, asyncio.iscoroutine(acc), asyncio.iscoroutine(acc.asend(None)))
    try:
        async for x in bad():
            print("bad gave", x)
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
    try:
        await accumulator()
    except TypeError as e:
        print("TypeError:", e)
    results = [x async for x in accumulator() if x is not None and False]
    print(results)


asyncio.run(main())
