# Issue 10, category 5 (b): an as_completed consumer and the tasks it waits
# for, two of them cancelled by another task in the same tick as others
# finish: where the consumer sees each CancelledError.
import asyncio

def log(*a):
    print(asyncio.get_running_loop().time(), *a)

async def w(i, d):
    try:
        await asyncio.sleep(d)
        log("w", i, "woke")
        return i
    except asyncio.CancelledError:
        log("w", i, "cancelled")
        raise

async def canceller(ts):
    await asyncio.sleep(0.5)
    log("canceller: cancel 1 and 2")
    ts[1].cancel()
    ts[2].cancel()
    await asyncio.sleep(0)
    log("canceller after sleep(0)")

async def main():
    ts = [asyncio.create_task(w(i, d)) for i, d in enumerate([0.5, 1, 1, 0.5, 2])]
    c = asyncio.create_task(canceller(ts))
    for f in asyncio.as_completed(ts, timeout=1.5):
        try:
            log("consumer got", await f)
        except asyncio.CancelledError:
            log("consumer sees CancelledError")
        except asyncio.TimeoutError:
            log("consumer timeout")
    await c
    await asyncio.gather(*ts, return_exceptions=True)

asyncio.run(main())
