# functools in an asyncio program: partial objects as loop and future
# callbacks, a wraps-based timing decorator on a coroutine function, reduce
# over gathered results, lru_cache statistics, total_ordering, cmp_to_key.
import asyncio
import functools
from functools import partial, wraps, reduce, lru_cache, total_ordering, cmp_to_key


def timed(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        start = loop.time()
        result = await func(*args, **kwargs)
        print(f"{func.__name__}{args} took {loop.time() - start:.2f}s")
        return result
    return wrapper


@timed
async def fetch(n, delay=0.1):
    """Fetch a number, slowly."""
    await asyncio.sleep(delay)
    return n * 2


def report(label, fut):
    print("callback:", label, fut.result())


def greet(greeting, name, punct="!"):
    print(f"{greeting}, {name}{punct}")


@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n

    def __repr__(self):
        return f"Version({self.n})"


async def main():
    print(fetch.__name__, fetch.__qualname__, fetch.__doc__, fetch.__wrapped__.__name__)
    loop = asyncio.get_running_loop()
    loop.call_soon(partial(greet, "Hello", punct="?"), "asyncio")
    loop.call_later(0.05, partial(greet, "Later"), "loop")
    task = asyncio.ensure_future(fetch(21))
    task.add_done_callback(partial(report, "fetch"))
    print("awaited:", await task)
    await asyncio.sleep(0)

    p = partial(greet, "Hi")
    print(p.func is greet, p.args, p.keywords, callable(p))
    p2 = partial(p, punct=".")
    print(p2.func is greet, p2.args, p2.keywords)
    p2("Bob")
    print(repr(partial(max, 3, key=abs)))

    results = await asyncio.gather(*(fetch(i, delay=0.01 * i) for i in range(4)))
    print(results, reduce(lambda a, b: a + b, results), reduce(lambda a, b: a * b, [], 10))
    try:
        reduce(lambda a, b: a, [])
    except TypeError as e:
        print("TypeError:", e)

    for x in [1, 2, 1, 3, 1]:
        square(x)
    info = square.cache_info()
    print(info, info.hits, info.misses, info.maxsize, info.currsize)
    square.cache_clear()
    print(square.cache_info())

    print(sorted([Version(3), Version(1), Version(2)]))
    print(Version(1) >= Version(1), Version(2) > Version(1), Version(1) <= Version(0))
    print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
    print(functools.WRAPPER_UPDATES, "__wrapped__" in functools.WRAPPER_ASSIGNMENTS)


asyncio.run(main())
