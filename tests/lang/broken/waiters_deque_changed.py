# expect-exit: 2
# expect-stderr-contains: waiters_deque_changed.py:12: not supported by asim: changing Queue._putters
# CPython's q._putters is the deque its own get() reads, so a future the
# program appends there is woken by the next get(); asim keeps its waiters in
# the model, and stops rather than run on as if the append changed nothing.
import asyncio

async def main():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    waiter = asyncio.get_running_loop().create_future()
    q._putters.append(waiter)
    print(await q.get(), waiter.done())

asyncio.run(main())
