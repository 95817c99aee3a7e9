# asyncio.as_completed given tasks that are already done: CPython schedules
# their completion callbacks while iterating a set of futures, so the order in
# which they come out follows their addresses. `asim explore` finds all 6
# orders, CPython's among them; the default run takes argument order. (Found
# by the differential fuzzer, tests/conformance/fuzz; kept out of scenarios/
# because the output is not determined by the program.)
import asyncio
import sys


async def worker(name):
    return name


async def main():
    tasks = [asyncio.create_task(worker(n)) for n in "abc"]
    await asyncio.sleep(0)
    print("done", [t.done() for t in tasks])
    if sys.version_info >= (3, 13):
        async for t in asyncio.as_completed(tasks):
            print("got", t.result())
    else:
        for f in asyncio.as_completed(tasks):
            print("got", await f)


asyncio.run(main())
