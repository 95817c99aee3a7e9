"""(e) as_completed(tasks, timeout=0.15) with delays 0.3/0.1/0.2 (no failure)."""
import asyncio
import sys

LOOP = None

async def fetch(delay):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(delay)
        return 'result %r' % delay
    finally:
        print('  finally fetch(%r): time %r tick %d current_task().cancelled()=%r'
              % (delay, loop.time(), loop.tick,
                 asyncio.current_task().cancelled()))

async def main():
    global LOOP
    loop = LOOP = asyncio.get_running_loop()
    # optional argv[1] = N: allocate N*40 padding objects first (perturbs
    # addresses; all_tasks() iterates a WeakSet whose order is id()-dependent)
    pad = [object() for _ in range(int(sys.argv[1]) * 40)] if len(sys.argv) > 1 else []
    tasks = [asyncio.create_task(fetch(0.3)),
             asyncio.create_task(fetch(0.1)),
             asyncio.create_task(fetch(0.2))]
    for item in asyncio.as_completed(tasks, timeout=0.15):
        try:
            r = await item
            print('await -> %r at time %r tick %d' % (r, loop.time(), loop.tick))
        except asyncio.TimeoutError as e:
            print('await -> %s (%r) at time %r tick %d'
                  % (type(e).__name__, str(e), loop.time(), loop.tick))
            print('   state: ' + ', '.join(
                'fetch(%s) done=%r cancelled=%r' % (d, t.done(), t.cancelled())
                for d, t in zip((0.3, 0.1, 0.2), tasks)))
    me = asyncio.current_task()
    order = [t._coro.cr_frame.f_locals['delay'] for t in asyncio.all_tasks()
             if t is not me and t._coro.cr_frame is not None]
    print('main returns at time %r tick %d; all_tasks() iteration order '
          '(delays): %r' % (loop.time(), loop.tick, order))

asyncio.run(main())
print('asyncio.run returned; time %r total ticks %d' % (LOOP.time(), LOOP.tick))
