"""(l) Future and Task basics: InvalidStateError texts, done-callback
scheduling, remove_done_callback, Task.cancel while sleeping, a Task
cancelled before its first step, sleep(0).  (asyncio.Future is the C
_asyncio.Future wherever the accelerator is built, as here.)"""
import asyncio

def err(f):
    try:
        f()
    except BaseException as e:
        return '%s(%r)' % (type(e).__name__, str(e))
    return 'no error'

async def futures_part():
    loop = asyncio.get_running_loop()
    print('Future class:', type(loop.create_future()).__module__)
    f = loop.create_future()
    print('pending result():', err(f.result))
    print('pending exception():', err(f.exception))
    f.set_result(1)
    print('set_result twice:', err(lambda: f.set_result(2)))
    print('set_exception after result:', err(lambda: f.set_exception(ValueError('x'))))
    g = loop.create_future()
    g.cancel()
    print('cancelled set_result:', err(lambda: g.set_result(2)))
    print('cancelled result():', err(g.result))
    print('cancel() of done future ->', f.cancel())

    # done callbacks: call_soon'ed in registration order, never inline
    log = []
    def cb(tag):
        return lambda fut: log.append((tag, loop.tick))
    h = loop.create_future()
    a, b, c = cb('a'), cb('b'), cb('c')
    h.add_done_callback(b)
    h.add_done_callback(a)
    h.add_done_callback(c)
    h.add_done_callback(a)
    h.add_done_callback(b)
    print('remove_done_callback(a) ->', h.remove_done_callback(a))
    print('remove_done_callback(a) again ->', h.remove_done_callback(a))
    print('remove of never-added ->', h.remove_done_callback(cb('z')))
    t = loop.tick
    h.set_result(None)
    print('right after set_result (tick %d): ran %r' % (t, log))
    h.add_done_callback(cb('late'))
    print('add_done_callback on a done future: ran inline? %r' % (log != []))
    await asyncio.sleep(0)
    print('after sleep(0): tick %d, ran %r' % (loop.tick, log))

async def worker(log):
    loop = asyncio.get_running_loop()
    log.append('worker started tick %d' % loop.tick)
    try:
        await asyncio.sleep(1.0)
        log.append('not reached')
    except asyncio.CancelledError as e:
        log.append('CancelledError inside (args %r) at %r tick %d' % (e.args, loop.time(), loop.tick))
        raise
    finally:
        log.append('finally at %r tick %d' % (loop.time(), loop.tick))

async def never(log):
    log.append('never: body ran')

async def tasks_part():
    loop = asyncio.get_running_loop()
    log = []
    t = asyncio.create_task(worker(log))
    await asyncio.sleep(0.5)
    print('cancel() ->', t.cancel(), 'at tick', loop.tick, '| done right after:', t.done(),
          '| cancelled right after:', t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print('await t -> CancelledError at %r tick %d' % (loop.time(), loop.tick))
    print('worker log:', log)
    print('t.cancelled():', t.cancelled(), 'cancel() again ->', t.cancel())

    log = []
    u = asyncio.create_task(never(log))
    print('cancel before first step ->', u.cancel(), 'tick', loop.tick)
    try:
        await u
    except asyncio.CancelledError:
        print('await u -> CancelledError at tick %d; body ran: %r; cancelled: %r'
              % (loop.tick, log, u.cancelled()))

asyncio.run(futures_part())
asyncio.run(tasks_part())
