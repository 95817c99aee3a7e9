"""(t) TaskGroup (3.11+), the parent task cancelled from outside: in the body,
and while __aexit__ waits for a child that takes its time to finish; the
CancelledError (with its message) comes out of the `async with`.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_outside_cancel.py
"""
import asyncio

import asim


def at():
    return 't=%r tick=%d' % (asyncio.get_running_loop().time(), asim.tick())


async def child(name, delay, linger):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        print('  %s cancelled at %s args=%r' % (name, at(), e.args))
        if linger:
            await asyncio.sleep(linger)
            print('  %s done lingering at %s' % (name, at()))
        raise
    return name


async def parent(phase):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1', 1, 0.05))
            if phase == 'body':
                await asyncio.sleep(5)
            print('  body of %s done at %s' % (phase, at()))
    except asyncio.CancelledError as e:
        print('  parent(%s) CancelledError at %s cancelling=%d args=%r' % (phase, at(), me.cancelling(), e.args))
        raise
    print('  not reached')


async def main():
    for phase in ('body', 'exit'):
        print('phase %s' % phase)
        t = asyncio.create_task(parent(phase))
        await asyncio.sleep(0.1)
        print('  cancel -> %r at %s' % (t.cancel('stop'), at()))
        try:
            await t
        except asyncio.CancelledError as e:
            print('  awaited: cancelled=%r args=%r at %s' % (t.cancelled(), e.args, at()))


asyncio.run(main())
