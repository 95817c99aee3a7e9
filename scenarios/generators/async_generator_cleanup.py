# async for over an async generator; break leaves it suspended, and the loop's
# finalizer hook closes it in a task a tick later; asyncio.run closes one still
# alive at the end (shutdown_asyncgens).
import asyncio

async def ticker(name, n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield f"{name}{i}"
    finally:
        print(f"{name} cleanup at t={asyncio.get_running_loop().time()}")

async def main():
    async for x in ticker("a", 3, 0.1):
        print(x)
    async for x in ticker("b", 5, 0.1):
        print(x)
        if x == "b1":
            break
    print("after break at", asyncio.get_running_loop().time())
    await asyncio.sleep(0)
    print("one tick later")
    await asyncio.sleep(0)
    print("two ticks later")
    g = ticker("c", 3, 0)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("c exhausted")
    kept = ticker("d", 3, 0.5)
    print(await kept.__anext__())
    print("main returns; d left suspended")

asyncio.run(main())
print("done")
