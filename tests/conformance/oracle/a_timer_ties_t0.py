"""(a') Same as a_timer_ties exp3 but mixing at absolute times 0.5/1.0 from t=0
(call_later(1.0) when loop.time()==0.0 gives when == 1.0 exactly)."""
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    def cb(tag):
        order.append((tag, loop.time(), loop.tick))
    assert loop.time() == 0.0
    for i in range(3):
        loop.call_later(1.0, cb, 'later1.0#%d' % i)
    for i in range(2):
        loop.call_at(0.5, cb, 'at0.5#%d' % i)
    for i in range(3):
        loop.call_at(1.0, cb, 'at1.0#%d' % i)
    await asyncio.sleep(2.0)
    print('mix:', [t for t, _, _ in order])
    print('times:', [repr(x) for _, x, _ in order])
    print('ticks:', [k for _, _, k in order])
    # 8 equal with ties and heap: also try 16 to stress heap
    order.clear()
    for i in range(16):
        loop.call_at(3.0, cb, i)
    await asyncio.sleep(2.0)
    print('16x call_at(3.0):', [t for t, _, _ in order])

asyncio.run(main())
