# Passing a single coroutine instead of a list: the error text and the moment it
# is raised differ between versions (at the first next() up to 3.12, at the call
# in 3.13).
import asyncio


async def job():
    return 1


async def main():
    coro = job()
    try:
        it = asyncio.as_completed(coro)
        print("as_completed() returned", type(it).__name__)
        next(iter(it))
    except TypeError as exc:
        print("TypeError:", exc)
    finally:
        coro.close()
    try:
        for _ in asyncio.as_completed(5):
            pass
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
