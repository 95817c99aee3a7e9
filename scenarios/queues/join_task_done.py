# join() waits until every item put has been marked task_done().
import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} finished {item} at t={asyncio.get_running_loop().time()}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for d in (0.3, 0.1, 0.2, 0.1):
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all done at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()


asyncio.run(main())
