# call_soon callbacks run in order in the next iteration; call_later by deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_later(0.2, log.append, "later 0.2")
    loop.call_later(0.1, log.append, "later 0.1")
    loop.call_soon(log.append, "soon 1")
    loop.call_soon(log.append, "soon 2")
    h = loop.call_later(0.15, log.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0)
    print(log)
    await asyncio.sleep(0.3)
    print(log)
    print("when:", h.when(), "cancelled:", h.cancelled())


asyncio.run(main())
