# Cancelling a task throws CancelledError into it at its await; its finally
# block runs, and awaiting it afterwards raises CancelledError.
import asyncio


async def worker():
    try:
        print("worker: sleeping")
        await asyncio.sleep(10)
    finally:
        print(f"worker: cleanup at t={asyncio.get_running_loop().time()}")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    print("cancel() returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError; cancelled() =", task.cancelled())
    print("CancelledError is an Exception:", issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
