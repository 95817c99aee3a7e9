"""(k) Event-loop basics on the virtual clock: call_soon FIFO, call_later /
call_at ordering, TimerHandle.cancel, exact double arithmetic of the clock,
sleep(0) = one loop iteration.  Every line is (tag, repr(time), tick)."""
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    def cb(tag):
        log.append((tag, repr(loop.time()), loop.tick))

    # 1. call_soon FIFO: five callbacks scheduled in tick 1 all run in tick 2,
    #    in scheduling order.
    for i in range(5):
        loop.call_soon(cb, 'soon%d' % i)
    await asyncio.sleep(0)
    print('1 call_soon:', log, '| main resumes at tick', loop.tick)
    log.clear()

    # 2. call_later / call_at ordering by deadline (scheduled at t=0.0)
    loop.call_later(0.3, cb, 'later0.3')
    loop.call_at(0.1, cb, 'at0.1')
    loop.call_later(0.2, cb, 'later0.2')
    loop.call_at(0.25, cb, 'at0.25')
    loop.call_soon(cb, 'soon')
    await asyncio.sleep(0.5)
    print('2 timers:', log, '| main resumes at', repr(loop.time()), 'tick', loop.tick)
    log.clear()

    # 3. TimerHandle.cancel: the cancelled timer never runs; the clock does
    #    not stop at its deadline either (it is popped as a cancelled head).
    h = loop.call_later(0.1, cb, 'cancelled')
    loop.call_later(0.2, cb, 'kept')
    h.cancel()
    print('3 repr after cancel:', repr(h).replace(repr(h.when()), 'WHEN'), 'cancelled():', h.cancelled())
    await asyncio.sleep(0.3)
    print('3 cancel:', log, '| main resumes at', repr(loop.time()), 'tick', loop.tick)
    log.clear()

    # 4. call_later(0.1) three times in sequence, each from the previous
    #    callback, starting from t=0.0 in a fresh loop (see chain()).

asyncio.run(main())

async def chain():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    times = []
    def step(n):
        times.append((repr(loop.time()), loop.tick))
        if n < 3:
            loop.call_later(0.1, step, n + 1)
        else:
            done.set_result(None)
    loop.call_later(0.1, step, 1)
    await done
    print('4 chain:', times, '| 0.1+0.1+0.1 == 0.3:', times[-1][0] == repr(0.3),
          '| main resumes at tick', loop.tick)

asyncio.run(chain())

async def zero():
    loop = asyncio.get_running_loop()
    ticks = [loop.tick]
    for _ in range(3):
        await asyncio.sleep(0)
        ticks.append(loop.tick)
    print('5 sleep(0) ticks:', ticks, 'time', repr(loop.time()))
    await asyncio.sleep(0.01)
    ticks.append(loop.tick)
    print('5 then sleep(0.01): tick', ticks[-1], 'time', repr(loop.time()))

asyncio.run(zero())
