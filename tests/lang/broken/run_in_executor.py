# expect-exit: 2
# expect-stderr-contains: run_in_executor.py:15: not supported by asim: loop.run_in_executor (threads run outside asim's virtual clock)
import asyncio
import time


def blocking():
    time.sleep(1)
    return 42


async def main():
    loop = asyncio.get_running_loop()
    try:
        print(await loop.run_in_executor(None, blocking))
    except Exception as e:
        print("a Python handler cannot hide it:", e)


asyncio.run(main())
