# wait(FIRST_EXCEPTION) returns when a task raises; others stay pending.
import asyncio


async def ok(delay):
    await asyncio.sleep(delay)
    return delay


async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError("bad")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(ok(0.3)), asyncio.create_task(bad(0.2)), asyncio.create_task(ok(0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"t={loop.time()}: done {len(done)} pending {len(pending)}")
    print("exceptions:", sorted(repr(t.exception()) for t in done))
    for t in pending:
        t.cancel()


asyncio.run(main())
