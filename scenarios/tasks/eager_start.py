# asim: python>=3.12
# Task(eager_start=True) runs the first step inside the constructor when the
# loop is running; create_eager_task_factory(constructor) makes each task
# with constructor(coro, loop=, name=, context=, eager_start=True).
import asyncio


async def work(n):
    print("start", n)
    await asyncio.sleep(0)
    print("end", n)
    return n


def counting(coro, *, loop=None, name=None, context=None, eager_start=False):
    print("constructor: name", name, "eager_start", eager_start)
    return asyncio.Task(coro, loop=loop, name=name, context=context, eager_start=eager_start)


async def quick():
    return "done at once"


async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.Task(work(1), loop=loop, eager_start=True)
    print("after Task(eager_start=True)")
    t2 = asyncio.Task(work(2), loop=loop)
    print("after Task()")
    print(await asyncio.gather(t1, t2))
    t = asyncio.Task(quick(), loop=loop, eager_start=True)
    print("quick task done:", t.done(), t.result())
    factory = asyncio.create_eager_task_factory(counting)
    print(factory.__qualname__)
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t3 = asyncio.create_task(work(3), name="three")
    print("created", t3.get_name())
    print(await t3)
    loop.set_task_factory(asyncio.create_eager_task_factory(asyncio.Task))
    t4 = loop.create_task(work(4))
    print("created 4")
    print(await t4)
    loop.set_task_factory(None)
    t5 = asyncio.create_task(work(5))
    print("created 5")
    print(await t5)


asyncio.run(main())
