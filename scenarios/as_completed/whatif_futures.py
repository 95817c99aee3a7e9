# What if as_completed handed out Futures, as the docs of Python <= 3.12 said?
# Real CPython hands out coroutines; `asim run --python 3.12,3.13,whatif` adds
# a hypothetical design (not CPython) whose items are plain Futures, handed out
# at once: still pending, so result() raises InvalidStateError.
import asyncio


async def fetch(delay):
    await asyncio.sleep(delay)
    return f"page after {delay}s"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(fetch(d)) for d in (0.3, 0.1, 0.2)]
    for item in asyncio.as_completed(tasks):
        if asyncio.isfuture(item):
            print(f"t={loop.time()}: got a Future, done={item.done()}")
            try:
                print("  result():", item.result())
            except asyncio.InvalidStateError as exc:
                print("  result() raised InvalidStateError:", exc)
        else:
            print(f"t={loop.time()}: got a {type(item).__name__}")
        print("  await item:", await item)


asyncio.run(main())
