"""(w) asyncio.wait_for: timing out, the TimeoutError class and its chaining,
whether a coroutine gets a Task of its own (<=3.11) or runs inline in the
caller (3.12+), timeout=0, an inner coroutine that swallows the cancellation,
and cancelling the caller. argv[1] picks the section (each its own process).

usage: python3.X tests/conformance/virtual_clock.py w_wait_for.py SECTION
"""
import asyncio
import sys


def at():
    loop = asyncio.get_running_loop()
    return 'time=%r tick=%d' % (loop.time(), loop.tick)


def name(task):
    return task.get_name() if hasattr(task, 'get_name') else '?'


def describe(e):
    t = type(e)
    return '%s.%s is-builtin-TimeoutError=%r cause=%r context=%r' % (
        t.__module__, t.__qualname__, t is TimeoutError,
        type(e.__cause__).__name__ if e.__cause__ is not None else None,
        type(e.__context__).__name__ if e.__context__ is not None else None)


async def work(delay, swallow=False):
    me = asyncio.current_task()
    print('  work(%r) starts in %s (%s tasks) at %s'
          % (delay, name(me), len(asyncio.all_tasks()), at()))
    try:
        await asyncio.sleep(delay)
        return 'work %r' % delay
    except asyncio.CancelledError:
        print('  work(%r) cancelled at %s' % (delay, at()))
        if swallow:
            return 'swallowed'
        raise
    finally:
        print('  work(%r) finally at %s' % (delay, at()))


async def timeout():
    try:
        r = await asyncio.wait_for(work(0.5), 0.2)
        print('returned %r' % r)
    except asyncio.TimeoutError as e:
        print('wait_for raised %s at %s' % (describe(e), at()))


async def in_time():
    main = asyncio.current_task()
    r = await asyncio.wait_for(work(0.1), 0.2)
    print('wait_for returned %r at %s' % (r, at()))


async def zero():
    try:
        r = await asyncio.wait_for(work(0.1), 0)
        print('returned %r' % r)
    except asyncio.TimeoutError as e:
        print('wait_for(.., 0) raised %s at %s' % (describe(e), at()))
    await asyncio.sleep(0)
    print('after sleep(0) at %s' % at())


async def swallow():
    try:
        r = await asyncio.wait_for(work(0.5, swallow=True), 0.2)
        print('wait_for returned %r at %s' % (r, at()))
    except asyncio.TimeoutError as e:
        print('wait_for raised %s at %s' % (describe(e), at()))
    await asyncio.sleep(0)
    print('after sleep(0) at %s' % at())


async def outer_cancel():
    async def caller():
        try:
            return await asyncio.wait_for(work(0.5), 1.0)
        except asyncio.CancelledError:
            print('  caller sees CancelledError at %s' % at())
            raise
    t = asyncio.ensure_future(caller())
    await asyncio.sleep(0.1)
    t.cancel()
    print('cancel() requested at %s' % at())
    try:
        await t
    except asyncio.CancelledError:
        print('caller task cancelled=%r at %s' % (t.cancelled(), at()))


SECTIONS = [timeout, in_time, zero, swallow, outer_cancel]
LOOP = None


async def section(body):
    global LOOP
    LOOP = asyncio.get_running_loop()
    await body()


if __name__ == '__main__':
    wanted = sys.argv[1:] or [s.__name__ for s in SECTIONS]
    for s in SECTIONS:
        if s.__name__ in wanted:
            print('## %s' % s.__name__)
            asyncio.run(section(s))
            print('## end %s: asyncio.run returned at time=%r, %d ticks'
                  % (s.__name__, LOOP.time(), LOOP.tick))
