# A loop cannot be run while it, or another loop, is running.
import asyncio


async def inner():
    return "inner"


async def main():
    loop = asyncio.get_running_loop()
    coro = inner()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    other = asyncio.new_event_loop()
    coro = inner()
    try:
        other.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    other.close()


asyncio.run(main())
