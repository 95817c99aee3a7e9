# A timeout in as_completed raises TimeoutError from the items; it does not
# cancel the tasks, which asyncio.run cancels when main returns. (Only one task
# is left over: with several, CPython cancels them in an address-dependent order.)
# Note the f-string: loop.time() is evaluated before the await.
import asyncio


async def job(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        print(f"  {name}: finally at t={asyncio.get_running_loop().time()}")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    for item in asyncio.as_completed(tasks, timeout=0.25):
        try:
            print(f"t={loop.time()}: got {await item}")
        except asyncio.TimeoutError:
            print(f"t={loop.time()}: TimeoutError")
    print("after the loop:", [t.done() for t in tasks], [t.cancelled() for t in tasks])
    print("main returns")


asyncio.run(main())
