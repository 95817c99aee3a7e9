# asyncio.sleep(nan) raises ValueError when awaited (3.13); before, its
# timer is due at once (a NaN deadline is never later than now).
import asyncio


async def main():
    coro = asyncio.sleep(float("nan"))
    print(type(coro).__name__)
    try:
        print(await coro, asyncio.get_running_loop().time())
    except ValueError as e:
        print("ValueError:", e)
    loop = asyncio.get_running_loop()
    fired = loop.create_future()
    loop.call_at(float("nan"), fired.set_result, "nan timer fired")
    loop.call_later(5, print, "later timer")
    print(await fired, loop.time())
    await asyncio.sleep(6)


asyncio.run(main())
