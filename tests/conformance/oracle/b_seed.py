"""(b) Seed situation: as_completed over three explicit Tasks (0.3, 0.1!, 0.2).

usage: virtual_clock.py b_seed.py L   # legacy: for item in as_completed(tasks)
       virtual_clock.py b_seed.py A   # 3.13+: async for t in as_completed(tasks)
"""
import asyncio
import sys

MODE = sys.argv[1] if len(sys.argv) > 1 else 'L'
LOOP = None
first_step = []

async def fetch(delay, fail):
    loop = asyncio.get_running_loop()
    if not first_step:
        first_step.append((delay, loop.tick, loop.time()))
    await asyncio.sleep(delay)
    if fail:
        raise ValueError('fetch %r failed' % delay)
    return 'result %r' % delay

async def main():
    global LOOP
    loop = LOOP = asyncio.get_running_loop()
    print('main first step: tick', loop.tick, 'time', repr(loop.time()))
    tasks = [asyncio.create_task(fetch(0.3, False)),
             asyncio.create_task(fetch(0.1, True)),
             asyncio.create_task(fetch(0.2, False))]
    print('tasks created at tick', loop.tick)
    if MODE == 'L':
        n = 0
        for item in asyncio.as_completed(tasks):
            if n == 0:
                print('item type:', type(item).__name__,
                      'qualname:', getattr(item, '__qualname__', None))
            n += 1
            try:
                r = await item
                print('got result %r at time %r tick %d'
                      % (r, loop.time(), loop.tick))
            except ValueError as e:
                print('got ValueError(%r) at time %r tick %d'
                      % (str(e), loop.time(), loop.tick))
    else:
        async for t in asyncio.as_completed(tasks):
            idx = [i for i, x in enumerate(tasks) if t is x]
            try:
                r = t.result()
                what = 'result %r' % (r,)
            except ValueError as e:
                what = 'ValueError(%r)' % str(e)
            print('got task is tasks%s (%s) at time %r tick %d'
                  % (idx, what, loop.time(), loop.tick))
    print('main returns at tick', loop.tick, 'time', repr(loop.time()))

asyncio.run(main())
print('first fetch step: delay', first_step[0][0], 'tick', first_step[0][1],
      'time', repr(first_step[0][2]))
print('total _run_once calls by asyncio.run:', LOOP.tick)
