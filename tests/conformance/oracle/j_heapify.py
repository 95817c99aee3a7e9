"""(j) The _run_once purge rule: with more than 100 scheduled timers and more
than half of them cancelled, _run_once rebuilds the heap with heapify, which
changes the order in which equal deadlines pop.

Each experiment, at a fresh base time t0 (loop.time() when it starts):
  150 x loop.call_at(t0 + D[i % 7], cb, i) with D = 1.0, 1.0, 2.0, 1.5, 1.0, 2.0, 3.0
  (equal and distinct deadlines), then cancel the handles whose index is in C,
  then `await asyncio.sleep(5.0)` (one more timer, pushed last).
  H: C = {i : i % 3 != 0}  -> 100 of 151 cancelled: the heap is rebuilt (heapify)
  N: C = {i : i % 5 in (1, 3)} -> 60 of 151 cancelled: no rebuild, cancelled
     heads are popped one by one.
Prints the firing order (indices), and for each group of equal deadline the
time (repr) and tick.
"""
import asyncio

D = [1.0, 1.0, 2.0, 1.5, 1.0, 2.0, 3.0]

async def experiment(label, cancel):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    fired = []
    def cb(i):
        fired.append((i, loop.time(), loop.tick))
    hs = [loop.call_at(t0 + D[i % 7], cb, i) for i in range(150)]
    n = 0
    for i, h in enumerate(hs):
        if cancel(i):
            h.cancel()
            n += 1
    start_tick = loop.tick
    await asyncio.sleep(5.0)
    print('%s: t0=%r start tick %d, cancelled %d of %d' % (label, t0, start_tick, n, len(hs) + 1))
    print('%s order: %r' % (label, [i for i, _, _ in fired]))
    groups = []
    for i, t, k in fired:
        if not groups or groups[-1][0] != (repr(t), k):
            groups.append([(repr(t), k), 0])
        groups[-1][1] += 1
    print('%s groups (time, tick, count): %r' % (label, [(t, k, c) for (t, k), c in groups]))

async def main():
    await experiment('H', lambda i: i % 3 != 0)
    await experiment('N', lambda i: i % 5 in (1, 3))

asyncio.run(main())
