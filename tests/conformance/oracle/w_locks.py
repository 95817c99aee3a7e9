"""(w) asyncio.Lock and asyncio.Semaphore: FIFO hand-over, cancellation of a
waiter, barging (release then acquire again at once), and the Semaphore
wake-up designs (3.7-3.8 / 3.9 / 3.10-3.12 / 3.13). argv[1] picks the section.

usage: python3.X tests/conformance/virtual_clock.py w_locks.py SECTION
"""
import asyncio
import sys


def at():
    loop = asyncio.get_running_loop()
    return 'time=%r tick=%d' % (loop.time(), loop.tick)


async def lock_fifo():
    lock = asyncio.Lock()

    async def worker(i):
        async with lock:
            print('  worker %d holds the lock at %s' % (i, at()))
            await asyncio.sleep(0.1)
    ts = [asyncio.ensure_future(worker(i)) for i in range(4)]
    await asyncio.sleep(0)
    print('locked=%r at %s' % (lock.locked(), at()))
    await asyncio.gather(*ts)
    print('all done, locked=%r at %s' % (lock.locked(), at()))


async def lock_cancel():
    lock = asyncio.Lock()
    await lock.acquire()

    async def worker(i):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            print('  worker %d cancelled while waiting at %s' % (i, at()))
            raise
        print('  worker %d acquired at %s' % (i, at()))
        lock.release()
    ts = [asyncio.ensure_future(worker(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    # Release, then cancel the waiter just woken, before it can run.
    lock.release()
    ts[0].cancel()
    print('released and cancelled worker 0 at %s' % at())
    await asyncio.gather(*ts, return_exceptions=True)
    print('locked=%r at %s' % (lock.locked(), at()))


async def sem_workers():
    sem = asyncio.Semaphore(2)

    async def worker(i, hold):
        async with sem:
            print('  worker %d acquired at %s (value now %d)' % (i, at(), sem._value))
            await asyncio.sleep(hold)
        print('  worker %d released at %s' % (i, at()))
    holds = [0.3, 0.1, 0.2, 0.1, 0.1, 0.2]
    ts = [asyncio.ensure_future(worker(i, h)) for i, h in enumerate(holds)]
    await asyncio.sleep(0)
    print('after first round: locked=%r value=%d at %s'
          % (sem.locked(), sem._value, at()))
    await asyncio.gather(*ts)
    print('all done: value=%d at %s' % (sem._value, at()))


async def sem_barging():
    sem = asyncio.Semaphore(1)
    order = []

    async def holder():
        await sem.acquire()
        order.append('holder')
        await asyncio.sleep(0.1)
        sem.release()
        await sem.acquire()   # right away, without yielding first
        order.append('holder again')
        print('  holder re-acquired at %s' % at())
        sem.release()

    async def waiter():
        await sem.acquire()
        order.append('waiter')
        print('  waiter acquired at %s' % at())
        await asyncio.sleep(0.05)
        sem.release()
    h = asyncio.ensure_future(holder())
    await asyncio.sleep(0)
    w = asyncio.ensure_future(waiter())
    await asyncio.gather(h, w)
    print('order: %r at %s' % (order, at()))


async def sem_chain():
    sem = asyncio.Semaphore(1)
    await sem.acquire()

    async def worker(name):
        await sem.acquire()
        print('  %s acquired at %s' % (name, at()))
    b = asyncio.ensure_future(worker('B'))
    await asyncio.sleep(0)
    # D and E ask while B is woken but has not run yet: they queue behind it.
    d = asyncio.ensure_future(worker('D'))
    e = asyncio.ensure_future(worker('E'))
    sem.release()
    sem.release()
    sem.release()
    print('released 3 times at %s: value=%d' % (at(), sem._value))
    await asyncio.gather(b, d, e)
    print('value=%d at %s' % (sem._value, at()))


SECTIONS = [lock_fifo, lock_cancel, sem_workers, sem_barging, sem_chain]
LOOP = None


async def section(body):
    global LOOP
    LOOP = asyncio.get_running_loop()
    await body()


if __name__ == '__main__':
    wanted = sys.argv[1:] or [s.__name__ for s in SECTIONS]
    for s in SECTIONS:
        if s.__name__ in wanted:
            print('## %s' % s.__name__)
            asyncio.run(section(s))
            print('## end %s: asyncio.run returned at time=%r, %d ticks'
                  % (s.__name__, LOOP.time(), LOOP.tick))
