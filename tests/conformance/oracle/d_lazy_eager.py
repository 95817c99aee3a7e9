"""(d) Lazy (<=3.12 generator) vs eager (3.13 iterator object) task creation
in as_completed(coros)."""
import asyncio

started = []

async def fetch(delay, fail):
    loop = asyncio.get_running_loop()
    started.append((delay, loop.tick, loop.time()))
    await asyncio.sleep(delay)
    if fail:
        raise ValueError('fetch %r failed' % delay)
    return 'result %r' % delay

def others():
    me = asyncio.current_task()
    return [t for t in asyncio.all_tasks() if t is not me]

async def main():
    loop = asyncio.get_running_loop()
    coros = [fetch(0.3, False), fetch(0.1, True), fetch(0.2, False)]
    it = asyncio.as_completed(coros)
    print('type(it):', type(it).__name__,
          '| tasks right after as_completed():', len(others()))
    await asyncio.sleep(0.05)
    print('after sleep(0.05): time %r tick %d, tasks (minus main): %d, '
          'started: %r' % (loop.time(), loop.tick, len(others()),
                           [(d, k, repr(t)) for d, k, t in started]))
    first = next(it)
    print('after first next(): tasks (minus main): %d, started: %d'
          % (len(others()), len(started)))
    for item in [first] + list(it):
        try:
            r = await item
        except ValueError as e:
            r = 'ValueError(%r)' % str(e)
        print('got %s at time %r tick %d' % (r, loop.time(), loop.tick))
    print('first steps (delay, tick, time):',
          [(d, k, repr(t)) for d, k, t in started])

asyncio.run(main())
