"""(c) Seed situation with bare coroutine objects passed to as_completed
(0.3, 0.1!, 0.2); tasks are created by as_completed in set(fs) order."""
import asyncio
import sys

LOOP = None
started = []

async def fetch(delay, fail):
    loop = asyncio.get_running_loop()
    t = asyncio.current_task()
    name = t.get_name() if hasattr(t, 'get_name') else '?'
    started.append('%s(delay=%r)@tick%d' % (name, delay, loop.tick))
    await asyncio.sleep(delay)
    if fail:
        raise ValueError('fetch %r failed' % delay)
    return 'result %r' % delay

async def main():
    global LOOP
    loop = LOOP = asyncio.get_running_loop()
    # optional argv[1] = N: keep N extra coroutine objects alive first, to
    # perturb heap addresses (set(coros) order is id()-hash dependent).
    pad = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    keep = [fetch(0, False) for _ in range(pad)]
    coros = [fetch(0.3, False), fetch(0.1, True), fetch(0.2, False)]
    for k in keep:
        k.close()
    print('set(coros) order by delay:',
          [c.cr_frame.f_locals['delay'] for c in set(coros)],
          '(id>>4)&7:', [(id(c) >> 4) & 7 for c in coros])
    it = asyncio.as_completed(coros)
    if sys.version_info >= (3, 13):
        pass  # tasks already created by as_completed() call (eager)
    for item in it:
        mine = asyncio.current_task()
        others = [t for t in asyncio.all_tasks() if t is not mine]
        if others is not None and not hasattr(main, 'shown'):
            main.shown = True
            print('tasks (by creation name):',
                  sorted((t.get_name(), t._coro.cr_frame.f_locals['delay'])
                         for t in others if t._coro.cr_frame is not None),
                  'created at tick', loop.tick)
        try:
            r = await item
            print('got %r at time %r tick %d' % (r, loop.time(), loop.tick))
        except ValueError as e:
            print('got ValueError(%r) at time %r tick %d'
                  % (str(e), loop.time(), loop.tick))
    print('first-step order:', started)

asyncio.run(main())
print('total _run_once calls by asyncio.run:', LOOP.tick)
