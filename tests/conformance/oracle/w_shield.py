"""(w) asyncio.shield: cancelling the task that awaits shield(inner) does not
cancel inner; cancelling inner itself cancels the shield's outer future; a
done inner is returned as is. argv[1] picks the section.

usage: python3.X tests/conformance/virtual_clock.py w_shield.py SECTION
"""
import asyncio
import sys


def at():
    loop = asyncio.get_running_loop()
    return 'time=%r tick=%d' % (loop.time(), loop.tick)


async def work(delay):
    try:
        await asyncio.sleep(delay)
        print('  work(%r) done at %s' % (delay, at()))
        return 'work %r' % delay
    except asyncio.CancelledError:
        print('  work(%r) cancelled at %s' % (delay, at()))
        raise


async def protect():
    inner = asyncio.ensure_future(work(0.3))

    async def caller():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            print('  caller sees CancelledError at %s' % at())
            raise
    t = asyncio.ensure_future(caller())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('caller cancelled=%r at %s; inner done=%r'
              % (t.cancelled(), at(), inner.done()))
    r = await inner
    print('inner -> %r at %s' % (r, at()))


async def inner_cancelled():
    inner = asyncio.ensure_future(work(0.3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled=%r at %s' % (outer.cancelled(), at()))


async def shortcut():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(7)
    print('shield(done future) is the future: %r' % (asyncio.shield(fut) is fut))
    r = await asyncio.shield(work(0.1))
    print('shield(coroutine) -> %r at %s' % (r, at()))


SECTIONS = [protect, inner_cancelled, shortcut]
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
