# Issue 10, category 5 (a): within one tick, asyncio.wait(..., timeout=) returns,
# the caller cancels the pending tasks (blocked in every kind of wait) and
# then awaits sleep(0): which cancellation handlers print before 'after',
# which after, is decided by how many loop iterations each wait needs to
# unwind.
import asyncio, sys

def log(*a):
    print(asyncio.get_running_loop().time(), *a)

async def w(i, kind):
    log("w", i, "start", kind)
    try:
        if kind == "q":
            await q.get()
        elif kind == "qwf":
            await asyncio.wait_for(q.get(), 5)
        elif kind == "lock":
            async with lock:
                await asyncio.sleep(5)
        elif kind == "ev":
            await ev.wait()
        elif kind == "evwf":
            await asyncio.wait_for(ev.wait(), 5)
        elif kind == "cond":
            async with cond:
                await cond.wait()
        elif kind == "sem":
            async with sem:
                await asyncio.sleep(5)
        elif kind == "gather":
            await asyncio.gather(asyncio.sleep(5), asyncio.sleep(6))
        elif kind == "shield":
            await asyncio.shield(asyncio.sleep(5))
        elif kind == "task":
            await tasks[0]
        elif kind == "ac":
            for f in asyncio.as_completed([tasks[0]], timeout=5):
                await f
        elif kind == "wait":
            await asyncio.wait([tasks[0]], timeout=5)
        log("w", i, "done")
    except asyncio.CancelledError:
        log("w", i, "cancelled", kind)
        raise
    finally:
        log("w", i, "finally")

tasks = []
async def main():
    global q, lock, ev, cond, sem
    q = asyncio.Queue(); lock = asyncio.Lock(); ev = asyncio.Event(); cond = asyncio.Condition(); sem = asyncio.Semaphore(1)
    kinds = ["lock", "q", "qwf", "lock", "ev", "evwf", "cond", "sem", "sem", "gather", "shield", "task", "ac", "wait"]
    for i, k in enumerate(kinds):
        tasks.append(asyncio.create_task(w(i, k)))
    done, pending = await asyncio.wait(tasks, timeout=1)
    log("wait", len(done))
    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.sleep(0)
    log("after")
    await asyncio.sleep(0)
    log("after2")
    await asyncio.sleep(0)
    log("after3")
    await asyncio.gather(*tasks, return_exceptions=True)
    log("end")

asyncio.run(main())
