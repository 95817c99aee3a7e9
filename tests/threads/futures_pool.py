# concurrent.futures without asyncio: submit, result, map, wait, a failing
# call, a call cancelled before it started.
import concurrent.futures as cf
import time


def slow_square(x):
    time.sleep(0.1 * x)
    return x * x


def boom():
    time.sleep(0.05)
    raise KeyError("boom")


with cf.ThreadPoolExecutor(max_workers=2) as pool:
    first = pool.submit(slow_square, 3)
    second = pool.submit(slow_square, 1)
    queued = pool.submit(slow_square, 2)
    late = pool.submit(slow_square, 4)
    print("late cancelled:", late.cancel(), late.cancelled())
    print("second", second.result(), "first done?", first.done())
    print("first", first.result(), "queued", queued.result())
    print("map", list(pool.map(slow_square, [2, 1, 3])))
    failing = pool.submit(boom)
    print("exception", repr(failing.exception()))
    done, not_done = cf.wait([pool.submit(slow_square, n) for n in (1, 5)], return_when=cf.FIRST_COMPLETED)
    print("wait", sorted(f.result() for f in done), len(not_done))
    try:
        pool.submit(slow_square, 6).result(timeout=0.1)
    except cf.TimeoutError:
        print("timed out")
print("pool shut down")
try:
    pool.submit(slow_square, 1)
except RuntimeError as e:
    print("after shutdown:", e)
