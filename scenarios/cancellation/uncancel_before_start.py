# asim: python>=3.11
# cancel() on a task that has not run yet, then uncancel(): 3.13 withdraws
# the cancellation and the task runs; 3.11-3.12 still cancel it.
import asyncio

async def work():
    print("work started")
    await asyncio.sleep(1)
    return "finished"

async def main():
    t = asyncio.create_task(work())
    t.cancel()
    print("cancelling:", t.cancelling(), "uncancel ->", t.uncancel())
    try:
        print("result:", await t)
    except asyncio.CancelledError:
        print("cancelled anyway")

asyncio.run(main())
