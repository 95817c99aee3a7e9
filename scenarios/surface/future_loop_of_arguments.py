# ensure_future, gather and shield outside a running loop, with no current
# event loop: a future brings its own loop (a loop given must be the same),
# a coroutine becomes a task of the loop given or of the first future's.
import asyncio
import sys


async def value(x):
    await asyncio.sleep(0)
    return x

loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()
asyncio.set_event_loop(None)
fut = loop.create_future()
print(asyncio.ensure_future(fut) is fut, asyncio.ensure_future(fut, loop=loop) is fut)
try:
    asyncio.ensure_future(fut, loop=other)
except ValueError as e:
    print('ValueError:', e)
task = asyncio.ensure_future(value(1), loop=loop)
print(loop.run_until_complete(task))
fut.set_result(2)
print(loop.run_until_complete(asyncio.gather(fut, value(3))))
try:
    asyncio.gather(loop.create_future(), other.create_future())
except ValueError as e:
    print('ValueError:', e)
inner = loop.create_future()
outer = asyncio.shield(inner)
loop.call_soon(inner.set_result, 4)
print(loop.run_until_complete(outer))
if sys.version_info < (3, 10):
    try:
        asyncio.shield(other.create_future(), loop=loop)
    except ValueError as e:
        print('ValueError:', e)
other.close()
loop.close()
