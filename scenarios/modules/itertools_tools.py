# itertools in an asyncio program: ids from count(), a queue fed from cycle()
# and islice(), results combined with accumulate/groupby/zip_longest, and the
# building blocks one by one (pairwise 3.10+, batched 3.12+).
import asyncio
import itertools
from itertools import count, cycle, repeat, chain, islice, zip_longest, product, permutations, combinations
from itertools import accumulate, groupby, starmap, takewhile, dropwhile, filterfalse, tee, compress

import sys

ids = count(1)
print(next(ids), next(ids), ids)
print(count(5, 2), repr(repeat('x', 3)), repeat(None))
print(list(islice(cycle("ab"), 5)), list(repeat(7, 3)))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(range(10), 3)), list(islice(range(10), 2, 8, 3)))
print(list(islice(count(), 0, 12, 5)))
print(list(zip_longest("abc", [1], fillvalue="-")))
print(list(product("ab", repeat=2)), list(product([1, 2], "xy")))
print(list(permutations("abc", 2)), list(combinations(range(4), 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1], max)), list(accumulate([1, 2], lambda a, b: a * b)))
for key, group in groupby("aaabbcaa"):
    print(key, list(group))
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "banana", "cherry", "blueberry"]), key=lambda s: s[0])])
print(list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(compress("abcd", [1, 0, 1, 0])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
if sys.version_info >= (3, 10):
    print(list(itertools.pairwise("abcd")))
if sys.version_info >= (3, 12):
    print(list(itertools.batched(range(7), 3)))


async def worker(name, ids, q):
    while True:
        item = await q.get()
        print(name, next(ids), item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    ids = count(100)
    for item in islice(cycle(["red", "green", "blue"]), 7):
        q.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", ids, q)) for i in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*(asyncio.sleep(0.01 * i, result=i) for i in range(5)))
    print(list(accumulate(results)), list(zip_longest(results[:2], results[2:])))
    for k, g in groupby(sorted(results, key=lambda r: r % 2), key=lambda r: r % 2):
        print(k, list(g))


asyncio.run(main())
