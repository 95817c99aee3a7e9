# Future._state and Task._state, which tutorials print to show the life
# cycle: PENDING, then FINISHED (a result or an exception) or CANCELLED.
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ValueError(n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future", fut._state)
    loop.call_later(0.2, fut.set_result, "ok")
    tasks = [asyncio.ensure_future(job(n)) for n in range(1, 4)]
    print([t._state for t in tasks])
    tasks[2].cancel()
    await asyncio.sleep(0)
    print([t._state for t in tasks])
    print(await fut, fut._state)
    await asyncio.gather(*tasks, return_exceptions=True)
    print([(t._state, t.cancelled()) for t in tasks])


asyncio.run(main())
