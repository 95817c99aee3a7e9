# expect-exit: 2
# expect-stderr-contains: stop_inside_main_task.py:11: not supported by asim: asyncio.open_connection
# expect-stderr-lines: 1
# A stop in asyncio.run's own task, with a coroutine never awaited: no "Task
# was destroyed but it is pending!" nor RuntimeWarning after asim's message.
import asyncio

async def main():
    stray = asyncio.sleep(1)
    print("start")
    print(await asyncio.open_connection("example.com", 80))

asyncio.run(main())
