# Calls still running when main() returns: from 3.9 asyncio.run waits for
# the default executor's threads before it returns; before, the
# interpreter's exit waits for them.
import asyncio
import time


def slow(n):
    time.sleep(0.3)
    print("slow call", n, "finished")


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, slow, 1)
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
