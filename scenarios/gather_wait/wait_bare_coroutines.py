# asyncio.wait() given coroutines rather than tasks: 3.7-3.10 wrap each in a
# task (3.9-3.10 warn DeprecationWarning at the awaiting line); 3.11+ raise
# TypeError, and the coroutines, held by the traceback, are never awaited
# (warned at shutdown).
import asyncio


async def work(n):
    await asyncio.sleep(n / 10)
    return n


async def main():
    done, pending = await asyncio.wait([work(1)])
    print(len(done), len(pending), [t.result() for t in done])


asyncio.run(main())
