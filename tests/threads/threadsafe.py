# A thread hands work to the event loop: run_coroutine_threadsafe and
# call_soon_threadsafe, while the loop waits.
import asyncio
import threading
import time


async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b


def from_thread(loop, done):
    time.sleep(0.1)
    fut = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
    print("thread got", fut.result())
    time.sleep(0.1)
    loop.call_soon_threadsafe(done.set_result, "finished")
    time.sleep(0.1)
    print("thread ends")


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    t = threading.Thread(target=from_thread, args=(loop, done))
    t.start()
    print("main waits")
    print("main got", await done)
    t.join()


asyncio.run(main())
