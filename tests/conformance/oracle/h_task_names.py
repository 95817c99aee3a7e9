"""(h) Default task names and whether name= consumes a counter value."""
import asyncio

async def noop():
    pass

async def main():
    me = asyncio.current_task()
    if not hasattr(me, 'get_name'):
        print('no Task.get_name on this version; repr(main task):',
              repr(me).split(' coro=')[0])
        return
    print('main task name:', me.get_name())
    ts = [asyncio.create_task(noop()) for _ in range(3)]
    print('3 unnamed create_task:', [t.get_name() for t in ts])
    named = asyncio.create_task(noop(), name='custom')
    after = asyncio.create_task(noop())
    print('create_task(name="custom") ->', named.get_name(),
          '; next unnamed ->', after.get_name())
    loop = asyncio.get_running_loop()
    a = loop.create_task(noop(), name='viaLoop')
    b = asyncio.create_task(noop())
    print('loop.create_task(name="viaLoop") ->', a.get_name(),
          '; next unnamed ->', b.get_name())
    c = asyncio.Task(noop(), name='ctor')
    d = asyncio.create_task(noop())
    print('asyncio.Task(coro, name="ctor") ->', c.get_name(),
          '; next unnamed ->', d.get_name())
    fut_named = asyncio.ensure_future(noop())
    print('ensure_future(coro) ->', fut_named.get_name())
    g = asyncio.gather(noop(), noop())
    print('gather(2 coros) child names: (not directly visible) -> next '
          'create_task name:', asyncio.create_task(noop()).get_name())
    t = asyncio.create_task(noop())
    t.set_name(42)
    print('set_name(42) -> get_name() = %r' % t.get_name())
    await asyncio.sleep(0)
    await g

asyncio.run(main())
async def second():
    print('second asyncio.run main task name:', asyncio.current_task().get_name())
if hasattr(asyncio.Task, 'get_name'):
    asyncio.run(second())
