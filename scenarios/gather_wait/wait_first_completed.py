# wait(FIRST_COMPLETED) returns as soon as one task is done; the rest keep running.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"t={loop.time()}: done", sorted(t.result() for t in done), "pending", len(pending))
    done, pending = await asyncio.wait(pending)
    print(f"t={loop.time()}: done", sorted(t.result() for t in done), "pending", len(pending))


asyncio.run(main())
