"""(i) loop.set_task_factory(asyncio.eager_task_factory) (3.12+)."""
import asyncio

events = []

async def child(tag):
    loop = asyncio.get_running_loop()
    print('start', tag, 'tick', loop.tick, 'time', repr(loop.time()),
          'current_task is child:', asyncio.current_task().get_name())
    await asyncio.sleep(0)
    print('after sleep(0)', tag, 'tick', loop.tick)
    return tag

async def quick():
    return 'quick-result'

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print('main at tick', loop.tick)
    t = asyncio.create_task(child('A'))
    print('create_task returned; tick', loop.tick, 'done:', t.done(),
          'name: %r' % (t.get_name(),))
    q = asyncio.create_task(quick())
    print('eager task finishing synchronously: done right after create_task:',
          q.done(), 'result:', q.result() if q.done() else None,
          'in all_tasks:', q in asyncio.all_tasks(), 'name: %r' % (q.get_name(),))
    r = await t
    print('await t ->', r, 'tick', loop.tick)
    print('main task name:', asyncio.current_task().get_name())

asyncio.run(main())
