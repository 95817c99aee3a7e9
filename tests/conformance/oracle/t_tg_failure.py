"""(t) TaskGroup (3.11+), one failure: the failing task cancels its siblings
and the body (the parent task), whose cancel count goes back to 0; create_task
is refused while the group shuts down; __aexit__ raises ExceptionGroup from
None, its __context__ the body's CancelledError.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_failure.py
"""
import asyncio

import asim


def at():
    return 't=%r tick=%d' % (asyncio.get_running_loop().time(), asim.tick())


async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print('%s cancelled at %s args=%r' % (name, at(), e.args))
        raise
    print('%s finished at %s' % (name, at()))
    return name


async def bad(delay):
    await asyncio.sleep(delay)
    print('bad raises at %s' % at())
    raise ValueError('boom')


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            quick = tg.create_task(worker('quick', 0.05))
            slow = tg.create_task(worker('slow', 1.0))
            tg.create_task(bad(0.1))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                print('body cancelled at %s cancelling=%d args=%r %r' % (at(), me.cancelling(), e.args, tg))
                late = worker('late', 0)
                try:
                    tg.create_task(late)
                except RuntimeError as err:
                    print('RuntimeError: %s' % err)
                late.close()
                raise
    except ExceptionGroup as eg:
        print('caught at %s: %r' % (at(), eg))
        print('str=%r message=%r exceptions=%r' % (str(eg), eg.message, eg.exceptions))
        print('cause=%r context=%s suppress=%r' % (eg.__cause__, type(eg.__context__).__name__,
                                                  eg.__suppress_context__))
    print('after: cancelling=%d quick=%r slow cancelled=%r' % (me.cancelling(), quick.result(), slow.cancelled()))
    await asyncio.sleep(0.1)
    print('still running at %s' % at())


asyncio.run(main())
