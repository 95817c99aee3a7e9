"""(t) TaskGroup (3.11+), success: the group waits for every task, including
one a task adds while __aexit__ is already waiting; repr() along the way;
task names (a named task uses up a Task-N number on 3.11 only).

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_success.py
"""
import asyncio

import asim


def at():
    return 't=%r tick=%d' % (asyncio.get_running_loop().time(), asim.tick())


async def job(name, delay, result):
    print('%s starts at %s' % (name, at()))
    await asyncio.sleep(delay)
    print('%s done at %s' % (name, at()))
    return result


async def spawner(tg):
    await asyncio.sleep(0.15)
    print('spawner adds a task at %s: %r' % (at(), tg))
    t = tg.create_task(job('late', 0.2, 'L'))
    return t.get_name()


async def main():
    tg = asyncio.TaskGroup()
    print('before: %r' % tg)
    async with tg as g:
        print('entered: %r same=%r at %s' % (tg, g is tg, at()))
        a = tg.create_task(job('a', 0.1, 1))
        b = tg.create_task(job('b', 0.2, 2), name='bee')
        s = tg.create_task(spawner(tg))
        print('created: %r names=%s,%s,%s' % (tg, a.get_name(), b.get_name(), s.get_name()))
        await asyncio.sleep(0.05)
        print('body ends at %s: %r' % (at(), tg))
    print('exited at %s: %r' % (at(), tg))
    print('results %r %r %r cancelling=%d' % (a.result(), b.result(), s.result(),
                                              asyncio.current_task().cancelling()))
    c = asyncio.create_task(job('c', 0, 3))
    print('next task: %s' % c.get_name())
    await c


asyncio.run(main())
