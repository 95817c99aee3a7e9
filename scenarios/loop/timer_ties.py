# Timers with the same deadline do not fire in the order they were scheduled:
# the loop's heap orders them by deadline only.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    for i in range(5):
        loop.call_at(1.0, fired.append, i)
    await asyncio.sleep(2)
    print("call_at(1.0) x5 fired as", fired)


asyncio.run(main())
