# loop.run_in_executor with the default executor and with a pool of two
# threads that must queue the third and fourth calls.
import asyncio
import concurrent.futures
import threading
import time


def work(x, delay):
    # A pool thread goes straight on to the next queued call: only the end
    # of each call is printed, apart in time from what the loop prints.
    time.sleep(delay)
    print(f"work {x} done in {threading.current_thread().name}")
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        futs = [loop.run_in_executor(pool, work, i, d) for i, d in enumerate([0.35, 0.15, 0.4, 0.1])]
        print("submitted", [f.done() for f in futs])
        for f in asyncio.as_completed(futs):
            print("got", await f)
    print("pool closed")
    fut = loop.run_in_executor(None, work, 7, 0.2)
    await asyncio.sleep(0.1)
    print("halfway", fut.done())
    print("default", await fut)


asyncio.run(main())
print("end")
