# asim: python>=3.13
# async for over as_completed hands out the very Future and Task objects passed
# in, and new Tasks for the coroutines.
import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.15, fut.set_result, "future")
    task = asyncio.create_task(job(0.1))
    coro = job(0.2)
    async for item in asyncio.as_completed([fut, task, coro]):
        kind = "the future" if item is fut else "the task" if item is task else type(item).__name__
        print(f"t={loop.time()}: {kind}, result {item.result()!r}")


asyncio.run(main())
