# expect-exit: 2
# expect-stderr-contains: stop_inside_gathered_task.py:10: not supported by asim: asyncio.open_connection
# expect-stderr-lines: 1
# A stop inside a task that gather awaits, with other tasks pending and a
# coroutine never awaited: the run ends with asim's message alone.
import asyncio

async def worker(n):
    await asyncio.sleep(0.1 * n)
    if n == 2: await asyncio.open_connection("example.com", 80)
    return n

async def main():
    stray = worker(9)
    try:
        print(await asyncio.gather(worker(1), worker(2), worker(3)))
    finally:
        print("finally")

asyncio.run(main())
