"""(t) TaskGroup (3.11+): create_task before the group is entered and after it
finished, entering twice, and a group that finished with errors.

usage: python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/t_tg_finished.py
"""
import asyncio


async def noop(x):
    return x


async def fail():
    raise KeyError('k')


def refused(tg, *args, **kwargs):
    c = noop(0)
    try:
        tg.create_task(c, *args, **kwargs)
    except RuntimeError as e:
        print('RuntimeError: %s' % e)
    c.close()


async def main():
    tg = asyncio.TaskGroup()
    refused(tg)
    async with tg:
        t = tg.create_task(noop(1))
    print('result %r, %r' % (t.result(), tg))
    refused(tg)
    refused(tg, name='n')
    try:
        async with tg:
            print('not reached')
    except RuntimeError as e:
        print('RuntimeError: %s' % e)

    tg2 = asyncio.TaskGroup()
    try:
        async with tg2:
            tg2.create_task(fail())
    except ExceptionGroup as eg:
        print('%r %s' % (eg, eg))
    refused(tg2)


asyncio.run(main())
