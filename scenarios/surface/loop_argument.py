# loop= on asyncio's classes and functions: 3.7 takes it silently, 3.8 and
# 3.9 take it with a DeprecationWarning (3.8 only where the loop is used),
# 3.10 refuses it (the primitives with a hint), 3.11+ refuse it as an
# unexpected keyword argument of __init__.
import asyncio


def attempt(label, make):
    try:
        obj = make()
    except TypeError as e:
        print(label, "TypeError:", e)
    else:
        print(label, "made", type(obj).__name__)


async def one():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    attempt("Queue", lambda: asyncio.Queue(loop=loop))
    attempt("LifoQueue", lambda: asyncio.LifoQueue(3, loop=loop))
    attempt("Lock", lambda: asyncio.Lock(loop=loop))
    attempt("Event", lambda: asyncio.Event(loop=loop))
    attempt("Semaphore", lambda: asyncio.Semaphore(2, loop=loop))
    attempt("BoundedSemaphore", lambda: asyncio.BoundedSemaphore(loop=loop))
    attempt("Condition", lambda: asyncio.Condition(loop=loop))
    attempt("Queue(loop=None)", lambda: asyncio.Queue(loop=None))
    attempt("Queue(size=1)", lambda: asyncio.Queue(size=1))
    for label in ("sleep(0)", "sleep(0.5)"):
        delay = 0 if label == "sleep(0)" else 0.5
        try:
            print(label, await asyncio.sleep(delay, "slept", loop=loop), loop.time())
        except TypeError as e:
            print(label, "TypeError:", e)
    try:
        print("gather()", await asyncio.gather(loop=loop))
    except TypeError as e:
        print("gather() TypeError:", e)
    try:
        print("wait_for", await asyncio.wait_for(asyncio.sleep(0, 7), 1, loop=loop))
    except TypeError as e:
        print("wait_for TypeError:", e)
    task = asyncio.ensure_future(one(), loop=loop)
    print("ensure_future", await task)
    lock = asyncio.Lock()
    async with lock:
        print("plain Lock works", lock.locked())


asyncio.run(main())
