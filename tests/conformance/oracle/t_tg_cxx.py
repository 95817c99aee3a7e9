"""(t) TaskGroup driven by hand, as tests/unit/test_taskgroups.cpp drives the
model's TaskGroup from C++: __aenter__, three tasks, then __aexit__ at once.
The failing task cancels its two siblings while __aexit__ waits; the order in
which they see it follows set order (t_tg_abort_order.py). After the
ExceptionGroup the parent's cancel count is 1 on 3.11-3.12 and 0 on 3.13.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_cxx.py
"""
import asyncio

import asim


def at():
    return 't=%r tick=%d' % (asyncio.get_running_loop().time(), asim.tick())


async def sibling(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('%s cancelled at %s' % (name, at()))
        raise


async def bad():
    await asyncio.sleep(0.1)
    print('bad raises at %s' % at())
    raise ValueError('bad')


async def main():
    tg = asyncio.TaskGroup()
    await tg.__aenter__()
    tg.create_task(sibling('s1'))
    tg.create_task(sibling('s2'))
    tg.create_task(bad())
    print('exiting: %r' % tg)
    try:
        await tg.__aexit__(None, None, None)
    except ExceptionGroup as eg:
        print('%r at %s cancelling=%d' % (eg, at(), asyncio.current_task().cancelling()))


asyncio.run(main())
