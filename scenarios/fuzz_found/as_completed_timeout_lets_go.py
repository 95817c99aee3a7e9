# as_completed's timeout empties its todo set: the task it was waiting for is
# then held by nobody, so when it later fails its exception is reported as
# never retrieved as soon as it is freed, while the program still runs.
# (Found by the differential fuzzer: asim kept every task as_completed was
# given alive, and never reported it.)
import asyncio


def log(*parts):
    print(asyncio.get_running_loop().time(), *parts)


async def fails_late():
    await asyncio.sleep(1)
    log("fails_late raises")
    raise ValueError("nobody is looking")


async def main():
    for f in asyncio.as_completed([asyncio.create_task(fails_late())], timeout=0.5):
        try:
            await f
        except asyncio.TimeoutError:
            log("as_completed timed out")
    await asyncio.sleep(1)
    log("main ends")


asyncio.run(main())
