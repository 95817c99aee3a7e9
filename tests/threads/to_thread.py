# asim: python>=3.9
# asyncio.to_thread: blocking calls in the default executor's threads while
# the loop goes on; each print comes at its own moment.
import asyncio
import contextvars
import threading
import time

request = contextvars.ContextVar("request", default="none")


def blocking(n):
    # Printed only at the end: a thread's first lines run while the loop's
    # thread waits for it to start, which a loaded machine can interleave.
    time.sleep(0.3 * n)
    print(f"job {n} ends in {threading.current_thread().name} for {request.get()}")
    return n * 10


def failing():
    time.sleep(0.45)
    raise ValueError("failed in a thread")


async def ticker():
    await asyncio.sleep(0.05)
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.2)


async def main():
    request.set("main")
    results = await asyncio.gather(asyncio.to_thread(blocking, 1), asyncio.to_thread(blocking, 2), ticker())
    print("results", results)
    try:
        await asyncio.to_thread(failing)
    except ValueError as e:
        print("caught", repr(e))
    print("threads alive", threading.active_count())


asyncio.run(main())
print("after run", threading.active_count())
