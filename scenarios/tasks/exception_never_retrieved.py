# A task whose exception nobody retrieves is logged when it is freed (here at
# the del); asking for exception() first keeps it quiet.
import asyncio


async def fail(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"{name} failed")


async def main():
    forgotten = asyncio.create_task(fail("forgotten", 0.1))
    checked = asyncio.create_task(fail("checked", 0.2))
    await asyncio.sleep(0.5)
    print("checked:", repr(checked.exception()))
    del forgotten
    print("main done")


asyncio.run(main())
