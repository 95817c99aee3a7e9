# wait(timeout=...) returns what is done by then; it does not cancel the rest.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.1, 0.5, 0.2)]
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    print(f"t={loop.time()}: done", sorted(t.result() for t in done), "pending", len(pending))
    print("pending cancelled?", [t.cancelled() for t in pending])
    await asyncio.wait(pending)
    print(f"t={loop.time()}: all done")


asyncio.run(main())
