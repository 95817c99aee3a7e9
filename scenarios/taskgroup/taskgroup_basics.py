# asim: python>=3.11
# A TaskGroup waits for all its tasks; a failure cancels the others and is
# raised as an ExceptionGroup.
import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled at t={asyncio.get_running_loop().time()}")
        raise
    if fail:
        raise ValueError(name)
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.1))
        b = tg.create_task(job("b", 0.2))
    print("results", a.result(), b.result(), "at", asyncio.get_running_loop().time())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("slow", 1))
            tg.create_task(job("bad", 0.1, fail=True))
    except ExceptionGroup as eg:
        print("caught", type(eg).__name__, [repr(e) for e in eg.exceptions])


asyncio.run(main())
