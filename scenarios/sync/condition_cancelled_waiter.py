# A Condition waiter notified and then cancelled before it runs: 3.7-3.12 lose
# the notification; 3.13 passes it on to the next waiter.
import asyncio


async def main():
    cond = asyncio.Condition()
    log = []

    async def waiter(name):
        async with cond:
            try:
                await cond.wait()
                log.append(f"{name} woke")
            except asyncio.CancelledError:
                log.append(f"{name} cancelled, lock held: {cond.locked()}")
                raise

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        tasks[0].cancel()
    await asyncio.sleep(0.1)
    print(log, [t.cancelled() for t in tasks])
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log)
    print(repr(cond).split(" at ")[0], repr(cond).split("[")[1])


asyncio.run(main())
