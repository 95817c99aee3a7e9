# print(queue) shows Queue.__str__ (no address), and the private counters
# tutorials print: Queue._unfinished_tasks and Semaphore._value.
import asyncio


async def worker(q, sem, seen):
    while True:
        item = await q.get()
        async with sem:
            seen.append((item, sem._value))
            await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=4)
    sem = asyncio.Semaphore(2)
    print(q, "|", sem._value)
    for i in range(4):
        q.put_nowait(i * 10)
    print(q, "|", q._unfinished_tasks)
    print(f"{q}", "%s" % q, str(asyncio.LifoQueue()))
    seen = []
    workers = [asyncio.create_task(worker(q, sem, seen)) for _ in range(3)]
    await asyncio.sleep(0.05)
    print(q, sem._value, sem.locked())
    await q.join()
    print(q, q._unfinished_tasks, sem._value)
    print(sorted(seen))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
