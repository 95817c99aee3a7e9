"""(w) asyncio.wait: FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED with a
timeout, and its argument errors. argv[1] picks the section (each section is
its own process, so task names and ticks start afresh); no argument runs all
of them in sequence (names then continue across sections).

usage: python3.X tests/conformance/virtual_clock.py w_wait.py SECTION
"""
import asyncio
import sys


def at():
    loop = asyncio.get_running_loop()
    return 'time=%r tick=%d' % (loop.time(), loop.tick)


async def job(delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError('job %r failed' % delay)
        return 'job %r' % delay
    finally:
        print('  job(%r) finally: %s' % (delay, at()))


def indices(tasks, subset):
    return sorted(i for i, t in enumerate(tasks) if t in subset)


async def run_wait(specs, **kw):
    tasks = [asyncio.ensure_future(job(d, f)) for d, f in specs]
    done, pending = await asyncio.wait(tasks, **kw)
    print('wait(%s) returned at %s: done=%r pending=%r'
          % (', '.join('%s=%s' % (k, v) for k, v in sorted(kw.items())),
             at(), indices(tasks, done), indices(tasks, pending)))
    print('  types: %s %s' % (type(done).__name__, type(pending).__name__))
    return tasks, pending


async def first_completed():
    await run_wait([(0.3, False), (0.1, True), (0.2, False)],
                   return_when=asyncio.FIRST_COMPLETED)


async def first_exception():
    await run_wait([(0.3, False), (0.2, True), (0.1, False)],
                   return_when=asyncio.FIRST_EXCEPTION)


async def all_completed_timeout():
    tasks, pending = await run_wait([(0.3, False), (0.1, False), (0.2, False)],
                                    timeout=0.25)
    r = await tasks[0]
    print('then await tasks[0] -> %r at %s' % (r, at()))


async def all_completed():
    tasks, pending = await run_wait([(0.3, False), (0.1, True), (0.2, False)])
    print('  exceptions: %r' % [t.exception() for t in tasks])


async def errors():
    async def noop():
        return 'noop'
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    for label, arg, kw in [('empty list', [], {}),
                           ('bad return_when', [fut], {'return_when': 'bogus'}),
                           ('a future', fut, {})]:
        try:
            await asyncio.wait(arg, **kw)
        except Exception as e:
            print('%s: %s(%r)' % (label, type(e).__name__, str(e)))
    c = noop()
    try:
        await asyncio.wait(c)
    except Exception as e:
        print('a coroutine: %s(%r)' % (type(e).__name__, str(e)))
    c.close()
    c = noop()
    try:
        done, pending = await asyncio.wait([c])
        print('list with a coroutine: done=%r at %s'
              % ([t.result() for t in done], at()))
    except Exception as e:
        print('list with a coroutine: %s(%r)' % (type(e).__name__, str(e)))
        c.close()


LOOP = None


async def section(body):
    global LOOP
    LOOP = asyncio.get_running_loop()
    await body()


SECTIONS = [first_completed, first_exception, all_completed_timeout,
            all_completed, errors]

if __name__ == '__main__':
    import warnings
    warnings.simplefilter('ignore', DeprecationWarning)
    wanted = sys.argv[1:] or [s.__name__ for s in SECTIONS]
    for s in SECTIONS:
        if s.__name__ in wanted:
            print('## %s' % s.__name__)
            asyncio.run(section(s))
            print('## end %s: asyncio.run returned at time=%r, %d ticks'
                  % (s.__name__, LOOP.time(), LOOP.tick))
