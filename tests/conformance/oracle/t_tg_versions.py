"""(t) TaskGroup: the differences between 3.11.7, 3.12.1 and 3.13.0.
(1) a refused coroutine is closed on 3.13 only; (2) a CancelledError subclass
raised in the body: 3.11-3.12 wrap it in a BaseExceptionGroup, 3.13 lets it
through; (3) a task fails while the parent is also cancelled from outside:
3.13 re-cancels the parent before raising the ExceptionGroup, so its next
await is cancelled; 3.11-3.12 swallow the outside cancellation; (4) 3.11
names a task after creating it, using up a Task-N number; (5) a task fails
while __aexit__ already waits: 3.11-3.12 uncancelled the parent before the
group cancelled it, so its cancel count stays at 1; 3.13 uncancels after the
wait and it is back to 0.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_versions.py
"""
import asyncio

import asim


def at():
    return 't=%r tick=%d' % (asyncio.get_running_loop().time(), asim.tick())


class MyCancelled(asyncio.CancelledError):
    pass


async def noop():
    print('  noop runs')
    return 0


async def slow(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('  %s cancelled at %s' % (name, at()))
        await asyncio.sleep(0.1)
        print('  %s finishes cancelling at %s' % (name, at()))
        raise


async def bad():
    await asyncio.sleep(0.1)
    raise ValueError('bad')


async def closed_on_refusal():
    print('(1) refused coroutine')
    tg = asyncio.TaskGroup()
    c = noop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print('  RuntimeError: %s' % e)
    try:
        c.send(None)
    except StopIteration:
        print('  it was not closed: it ran')
    except RuntimeError as e:
        print('  it was closed: RuntimeError: %s' % e)


async def cancelled_subclass():
    print('(2) CancelledError subclass in the body')
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('s'))
            await asyncio.sleep(0.1)
            raise MyCancelled('mine')
    except MyCancelled as e:
        print('  MyCancelled %r at %s' % (e, at()))
    except BaseExceptionGroup as eg:
        print('  %s %r at %s' % (type(eg).__name__, eg, at()))


async def failing_group():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('s'))
            tg.create_task(bad())
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print('  caught %r at %s cancelling=%d' % (eg, at(), me.cancelling()))
    try:
        await asyncio.sleep(0.5)
        print('  next await completed at %s' % at())
    except asyncio.CancelledError:
        print('  next await cancelled at %s cancelling=%d' % (at(), me.cancelling()))
        raise


async def recancel():
    print('(3) failure plus a cancellation from outside')
    t = asyncio.create_task(failing_group())
    await asyncio.sleep(0.15)
    print('  outside cancel at %s: %r' % (at(), t.cancel()))
    try:
        await t
        print('  task returned')
    except asyncio.CancelledError:
        print('  task cancelled at %s' % at())


async def names():
    print('(4) names')
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(noop())
        b = tg.create_task(noop(), name='named')
        c = tg.create_task(noop())
    print('  %s %s %s' % (a.get_name(), b.get_name(), c.get_name()))


async def fails_during_exit():
    print('(5) failure while __aexit__ waits')
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow('s'))
            tg.create_task(bad())
    except ExceptionGroup as eg:
        print('  caught %r at %s cancelling=%d' % (eg, at(), me.cancelling()))


async def main():
    await closed_on_refusal()
    await cancelled_subclass()
    await recancel()
    await names()
    await fails_during_exit()


asyncio.run(main())
