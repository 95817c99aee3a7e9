# Up to 3.12 as_completed is a generator: no task exists before the first next(),
# so the work starts late. From 3.13 it creates every task at the call.
# (The coroutines print nothing when they start: CPython starts them in set()
# order, which follows memory addresses.)
import asyncio


async def work(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    it = asyncio.as_completed([work("a", 0.1), work("b", 0.2)])
    print("as_completed returned; tasks besides main:", len(asyncio.all_tasks()) - 1)
    await asyncio.sleep(0.05)
    print(f"t={loop.time()}: still before the first next(); tasks:", len(asyncio.all_tasks()) - 1)
    for item in it:
        name = await item
        print(f"t={loop.time()}: got", name)


asyncio.run(main())
