# Up to 3.12 as_completed is a generator: no task exists before the first next().
# From 3.13 it creates every task at the call.
import asyncio


async def work(name, delay):
    print(f"  {name} starts at t={asyncio.get_running_loop().time()}")
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    coros = [work("a", 0.1), work("b", 0.2)]
    it = asyncio.as_completed(coros)
    print("as_completed returned; tasks besides main:", len(asyncio.all_tasks()) - 1)
    await asyncio.sleep(0.05)
    print(f"t={loop.time()}: still before the first next(); tasks:", len(asyncio.all_tasks()) - 1)
    for item in it:
        print(f"t={loop.time()}: got", await item)


asyncio.run(main())
