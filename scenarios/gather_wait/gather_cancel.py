# Cancelling the future gather returns cancels every child.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} cancelled at t={asyncio.get_running_loop().time()}")
        raise


async def main():
    g = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")


asyncio.run(main())
