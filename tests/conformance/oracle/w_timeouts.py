"""(w) asyncio.timeout / timeout_at (3.11+): expiry, the TimeoutError chained
from the CancelledError, reschedule, a deadline already past, nesting, a body
that turns the cancellation into another exception (3.13 inserts a
TimeoutError into its __context__ chain), and the state errors.
argv[1] picks the section.

usage: python3.X tests/conformance/virtual_clock.py w_timeouts.py SECTION
"""
import asyncio
import sys


def at():
    loop = asyncio.get_running_loop()
    return 'time=%r tick=%d' % (loop.time(), loop.tick)


def chain(e):
    out = []
    while e is not None:
        out.append(type(e).__name__)
        e = e.__context__
    return ' <- '.join(out)


async def expire():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(0.1)
    print('before enter: %r' % cm)
    try:
        async with cm:
            print('entered: %r when=%r at %s' % (cm, cm.when(), at()))
            try:
                await asyncio.sleep(1)
            finally:
                print('  body finally at %s, cancelling=%d'
                      % (at(), asyncio.current_task().cancelling()))
    except TimeoutError as e:
        print('TimeoutError at %s: cause=%s context=%s cause-is-context=%r'
              % (at(), type(e.__cause__).__name__, type(e.__context__).__name__,
                 e.__cause__ is e.__context__))
    print('after: %r expired=%r cancelling=%d'
          % (cm, cm.expired(), asyncio.current_task().cancelling()))


async def in_time():
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.1)
    print('no timeout: %r expired=%r at %s' % (cm, cm.expired(), at()))
    await asyncio.sleep(0.2)
    print('later at %s' % at())


async def reschedule():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print('entered: %r' % cm)
            cm.reschedule(loop.time() + 0.2)
            print('rescheduled: %r' % cm)
            await asyncio.sleep(0.1)
            cm.reschedule(cm.when() + 0.05)
            await asyncio.sleep(1)
    except TimeoutError:
        print('TimeoutError at %s' % at())


async def past():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            print('entered %r at %s' % (cm, at()))
            await asyncio.sleep(0)
            print('  not reached')
    except TimeoutError:
        print('TimeoutError at %s' % at())


async def nested():
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.2) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner caught it (wrong)')
    except TimeoutError:
        print('outer TimeoutError at %s: outer.expired=%r inner.expired=%r'
              % (at(), outer.expired(), inner.expired()))


async def other_exception():
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError('converted')
    except ValueError as e:
        print('ValueError at %s: chain %s' % (at(), chain(e)))


async def errors():
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print('reschedule before enter: %r' % str(e))
    async with cm:
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print('enter twice: %r' % str(e))
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print('reschedule after exit: %r' % str(e))


SECTIONS = [expire, in_time, reschedule, past, nested, other_exception, errors]
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
