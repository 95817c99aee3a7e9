# Future(loop=...) and Task(coro, loop=...) belong to the loop given, with no
# current event loop set; without one, Future() outside a loop has none.
import asyncio


async def work(fut):
    await asyncio.sleep(0)
    fut.set_result('done')
    return 'task done'

loop = asyncio.new_event_loop()
asyncio.set_event_loop(None)
f = asyncio.Future(loop=loop)
t = asyncio.Task(work(f), loop=loop)
print(loop.run_until_complete(f), t.done())
print(loop.run_until_complete(t))
try:
    asyncio.Future()
except RuntimeError as e:
    print('RuntimeError', e)
loop.close()
