"""(x) A loop's life outside asyncio.run: run_until_complete, run_forever and
stop, close, two loops at once, and which loop a Lock's futures belong to
(3.7-3.9: get_event_loop()'s when the Lock is made; 3.10+: the first loop
that needs one). argv[1] picks the section.

usage: python3.X tests/conformance/virtual_clock.py x_loop_lifecycle.py SECTION
"""
import asyncio
import sys


def err(f, *args):
    try:
        f(*args)
        return 'no error'
    except RuntimeError as e:
        return 'RuntimeError(%r)' % str(e)


async def nap(d):
    await asyncio.sleep(d)
    return d


def closed():
    loop = asyncio.new_event_loop()
    print('result=%r time=%r tick=%d' % (loop.run_until_complete(nap(2)), loop.time(), loop.tick))
    loop.close()
    loop.close()
    print('is_closed=%r' % loop.is_closed())
    print('call_soon: %s' % err(loop.call_soon, print))
    print('call_later: %s' % err(loop.call_later, 1, print))
    coro = nap(1)
    print('create_task: %s' % err(loop.create_task, coro))
    print('run_until_complete: %s' % err(loop.run_until_complete, coro))
    print('run_forever: %s' % err(loop.run_forever))
    coro.close()


def stop():
    loop = asyncio.new_event_loop()
    t = loop.create_task(nap(3))
    loop.call_later(1.5, loop.stop)
    loop.run_forever()
    print('stopped time=%r tick=%d done=%r' % (loop.time(), loop.tick, t.done()))
    print('result=%r time=%r tick=%d' % (loop.run_until_complete(t), loop.time(), loop.tick))
    loop.close()


def nested():
    loop = asyncio.new_event_loop()
    other = asyncio.new_event_loop()

    async def main():
        c1, c2 = nap(0), nap(0)
        print('same loop: %s' % err(loop.run_until_complete, c1))
        print('other loop: %s' % err(other.run_until_complete, c2))
        print('close: %s' % err(loop.close))
        c1.close()
        c2.close()
    loop.run_until_complete(main())
    loop.close()
    other.close()


def lock_two_loops():
    lock = asyncio.Lock()

    async def hold():
        async with lock:
            await asyncio.sleep(1)

    async def contend():
        results = await asyncio.gather(hold(), hold(), return_exceptions=True)
        print('  %s' % [type(r).__name__ if r else None for r in results])
        for r in results:
            if r:
                print('  ... %s' % str(r)[str(r).rindex('>') + 2:])
    for i in range(2):
        loop = asyncio.new_event_loop()
        loop.run_until_complete(contend())
        print('run %d done time=%r tick=%d' % (i, loop.time(), loop.tick))
        loop.close()


SECTIONS = {'closed': closed, 'stop': stop, 'nested': nested, 'lock_two_loops': lock_two_loops}

if __name__ == '__main__':
    SECTIONS[sys.argv[1]]()
