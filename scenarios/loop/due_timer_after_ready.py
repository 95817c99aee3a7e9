# A timer that is already due when _run_once starts joins _ready behind the
# callbacks that were ready before it: call_later(0) and call_at(past) never
# overtake call_soon, even though they were scheduled first.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_later(0, log.append, "call_later(0)")
    loop.call_soon(log.append, "call_soon 1")
    loop.call_at(loop.time() - 1, log.append, "call_at(past)")
    loop.call_soon(log.append, "call_soon 2")
    await asyncio.sleep(0)
    print("after one iteration:", log)
    await asyncio.sleep(0)
    print("after two iterations:", log)


asyncio.run(main())
