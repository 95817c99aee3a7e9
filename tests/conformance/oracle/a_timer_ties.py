"""(a) Timer ties: order of firing for equal deadlines (virtual clock)."""
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    done = loop.create_future()

    def cb(tag):
        order.append((tag, loop.time(), loop.tick))

    # Experiment 1: 5 x call_at(1.0)
    for i in range(5):
        loop.call_at(1.0, cb, i)
    await asyncio.sleep(2.0)
    print('exp1 5x call_at(1.0):', [t for t, _, _ in order],
          'times', sorted(set(repr(x) for _, x, _ in order)),
          'ticks', sorted(set(k for _, _, k in order)))

    # Experiment 2: 8 x call_at(equal deadline)
    order.clear()
    base = loop.time()           # 2.0
    for i in range(8):
        loop.call_at(base + 1.0, cb, i)
    await asyncio.sleep(2.0)
    print('exp2 8x call_at(%r):' % (base + 1.0), [t for t, _, _ in order],
          'times', sorted(set(repr(x) for _, x, _ in order)),
          'ticks', sorted(set(k for _, _, k in order)))

    # Experiment 3: mix, from a fresh relative origin
    order.clear()
    t0 = loop.time()             # 4.0
    for i in range(3):
        loop.call_later(1.0, cb, 'later1.0#%d' % i)
    for i in range(2):
        loop.call_at(t0 + 0.5, cb, 'at0.5#%d' % i)
    for i in range(3):
        loop.call_at(t0 + 1.0, cb, 'at1.0#%d' % i)
    await asyncio.sleep(2.0)
    print('exp3 mix (t0=%r):' % t0, [t for t, _, _ in order])
    print('exp3 times:', [repr(x) for _, x, _ in order])
    print('exp3 ticks:', [k for _, _, k in order])

asyncio.run(main())
