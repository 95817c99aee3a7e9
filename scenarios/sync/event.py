# Every waiter of an Event wakes when it is set, in the order they waited.
import asyncio


async def waiter(name, ev):
    await ev.wait()
    print(f"{name} woke at t={asyncio.get_running_loop().time()}")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("first", "second", "third")]
    await asyncio.sleep(0.1)
    print("setting")
    ev.set()
    await asyncio.gather(*tasks)
    print("is_set:", ev.is_set())


asyncio.run(main())
