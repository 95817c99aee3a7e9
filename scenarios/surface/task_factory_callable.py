# loop.set_task_factory with a factory of the program's: create_task,
# asyncio.create_task and gather's wrapping go through it; the name given
# is set on its task (3.13.0 sets name=None too: the task is 'None').
import asyncio


def factory(loop, coro, **kw):
    print('factory', sorted(kw))
    return asyncio.Task(coro, loop=loop)


async def child():
    return 'child'


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t = asyncio.create_task(child())
    print(t.get_name() if hasattr(t, 'get_name') else '-', await t)
    if hasattr(t, 'get_name'):
        t2 = loop.create_task(child(), name='named')
        print(t2.get_name(), await t2)
    print(await asyncio.gather(child(), child()))
    await asyncio.sleep(0)
    loop.set_task_factory(None)
    print(loop.get_task_factory())
    try:
        loop.set_task_factory(1)
    except TypeError as e:
        print('TypeError', e)

asyncio.run(main())
