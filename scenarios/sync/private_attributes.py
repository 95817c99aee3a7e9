# Programs peek at asyncio's private attributes to show what a primitive is
# doing: a Semaphore's _value, a Queue's _maxsize and _unfinished_tasks, a
# Lock's _locked, an Event's _value, a Future's _state, a Task's _coro.
import asyncio


async def worker(name, sem, q):
    async with sem:
        print(name, "in, sem._value =", sem._value)
        await asyncio.sleep(0.1)
        item = await q.get()
        print(name, "got", item, "unfinished", q._unfinished_tasks)
        q.task_done()


async def main():
    sem = asyncio.Semaphore(2)
    q = asyncio.Queue(maxsize=3)
    for i in range(3):
        q.put_nowait(i)
    print("maxsize", q._maxsize, "unfinished", q._unfinished_tasks, q)
    lock = asyncio.Lock()
    event = asyncio.Event()
    print(lock._locked, event._value)
    async with lock:
        event.set()
        print(lock._locked, event._value)
    tasks = [asyncio.create_task(worker(f"w{i}", sem, q)) for i in range(3)]
    print([t._state for t in tasks], tasks[0]._coro.__qualname__)
    await asyncio.sleep(0)
    print("after start: sem._value =", sem._value)
    await asyncio.gather(*tasks)
    print([t._state for t in tasks], sem._value, q._unfinished_tasks)
    fut = asyncio.get_running_loop().create_future()
    fut.cancel()
    print(fut._state)


asyncio.run(main())
