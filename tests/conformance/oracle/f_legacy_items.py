"""(f) Legacy as_completed items are interchangeable: each yielded coroutine
takes the *next* completion from a shared queue.

  R: items = list(as_completed(tasks)); await items[2], items[1], items[0]
  G: await gather(items[0], items[1]); then await items[2]
"""
import asyncio
import sys

async def fetch(delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError('fetch %r failed' % delay)
    return 'result %r' % delay

async def make_tasks():
    return [asyncio.create_task(fetch(0.3, False)),
            asyncio.create_task(fetch(0.1, True)),
            asyncio.create_task(fetch(0.2, False))]

async def show(label, aw):
    loop = asyncio.get_running_loop()
    try:
        r = await aw
        what = repr(r)
    except ValueError as e:
        what = 'ValueError(%r)' % str(e)
    print('%s -> %s at time %r tick %d' % (label, what, loop.time(), loop.tick))

async def main_reverse():
    tasks = await make_tasks()
    items = list(asyncio.as_completed(tasks))
    for i in (2, 1, 0):
        await show('await items[%d]' % i, items[i])

async def main_gather():
    loop = asyncio.get_running_loop()
    tasks = await make_tasks()
    items = list(asyncio.as_completed(tasks))
    res = await asyncio.gather(items[0], items[1], return_exceptions=True)
    print('gather(items[0], items[1], return_exceptions=True) -> %r at time %r '
          'tick %d' % (res, loop.time(), loop.tick))
    await show('await items[2]', items[2])
    tasks = await make_tasks()
    items = list(asyncio.as_completed(tasks))
    try:
        res = await asyncio.gather(items[0], items[1])
        print('gather(items[0], items[1]) -> %r' % (res,))
    except ValueError as e:
        print('gather(items[0], items[1]) raised ValueError(%r) at time %r '
              'tick %d' % (str(e), loop.time(), loop.tick))
    await show('await items[2]', items[2])
    # drain items[1] (still pending inside gather's child task)
    await asyncio.sleep(1)

print('-- reverse')
asyncio.run(main_reverse())
print('-- gather')
asyncio.run(main_gather())
