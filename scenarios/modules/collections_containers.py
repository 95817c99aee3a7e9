# collections in an asyncio program: a deque(maxlen) log of workers, results as
# namedtuples, defaultdict and Counter summaries, OrderedDict, ChainMap, and
# collections.abc checks (OrderedDict's repr changed in 3.12, _asdict in 3.8).
import asyncio
import collections
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
import collections.abc
from collections.abc import Awaitable, Iterable, Mapping

Result = namedtuple("Result", ["worker", "item", "took"])
Point = namedtuple("Point", "x y", defaults=[0])


async def worker(name, queue, results, log):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.01 * item)
        results.append(Result(name, item, 0.01 * item))
        log.append(f"{name}:{item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in [3, 1, 2, 5, 4]:
        queue.put_nowait(item)
    results = []
    log = deque(maxlen=3)
    workers = [asyncio.create_task(worker(f"w{i}", queue, results, log)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(log, len(log), log.maxlen, list(log), log[0], log[-1])
    print(results[0], results[0].worker, results[0]._asdict(), results[0]._replace(took=1))
    print(Point(1), Point(1, 2) == (1, 2), Point._fields, tuple(Point(3, 4)), Point._make([5, 6]))
    by_worker = defaultdict(list)
    for r in results:
        by_worker[r.worker].append(r.item)
    print(sorted(by_worker.items()), by_worker["nobody"], len(by_worker))
    counts = Counter(r.worker for r in results)
    print(counts.most_common(1)[0][1] >= 2, sorted(counts.items()), sum(counts.values()))
    words = Counter("the cat and the hat and the bat".split())
    print(words, words.most_common(2), words["dog"], words["the"])
    words.update(["cat", "cat"])
    print(words.most_common(1), (words + Counter(dog=1))["dog"], list(Counter("aab").elements()))
    od = OrderedDict()
    od["b"] = 1
    od["a"] = 2
    od.move_to_end("b")
    print(od, list(od), od.popitem(last=False), od)
    d = deque([1, 2, 3])
    d.rotate(1)
    d.appendleft(0)
    d.extend([7, 8])
    print(d, d.popleft(), d.pop(), d, 2 in d)
    dd = defaultdict(int)
    for ch in "hello":
        dd[ch] += 1
    print(dd)
    cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
    print(cm["a"], cm["b"], len(cm), sorted(cm))

    async def coro():
        return 1
    c = coro()
    print(isinstance(c, Awaitable), isinstance([1], Iterable), isinstance({}, Mapping), isinstance(3, Iterable))
    await c
    print(collections.abc.Coroutine.__name__, issubclass(collections.abc.Coroutine, Awaitable))


asyncio.run(main())
