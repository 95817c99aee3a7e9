# Issue 10, category 5 (c): wait_for(q.get(), timeout) given to as_completed
# with a shorter timeout: after as_completed gives up, the wait_for task times
# out alone; nobody holds it, so its TimeoutError is reported as never
# retrieved (and no coroutine is reported as never awaited).
import asyncio

def log(*a):
    print(asyncio.get_running_loop().time(), *a)

async def main():
    q = asyncio.Queue()
    for f in asyncio.as_completed([asyncio.wait_for(q.get(), 1)], timeout=0.5):
        try:
            await f
        except asyncio.TimeoutError:
            log("ac timeout2")
    await asyncio.sleep(1)
    log("end")

asyncio.run(main())
