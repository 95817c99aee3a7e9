# collections' containers as CPython makes them: namedtuple classes are tuple
# subclasses, Counter, defaultdict and OrderedDict dict subclasses, so they
# work wherever a tuple or dict is expected (json, dict(), unpacking, ==).
import asyncio
import json
from collections import Counter, OrderedDict, defaultdict, namedtuple

Result = namedtuple("Result", "name status elapsed")


async def probe(name, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return Result(name, "ok", delay)


async def main():
    outcomes = await asyncio.gather(
        probe("a", 0.2, False), probe("b", 0.1, True), probe("c", 0.3, False), probe("d", 0.1, True),
        return_exceptions=True)
    status = Counter("error" if isinstance(o, Exception) else o.status for o in outcomes)
    print(status, status["error"], status["missing"], status.most_common(1))
    print(isinstance(status, dict), json.dumps(status, sort_keys=True), dict(status) == {"ok": 2, "error": 2})
    print(status == {"ok": 2, "error": 2}, sorted(status.elements()), list(status))
    status.update(["ok"])
    status["late"] += 1
    print(status + Counter(ok=1), status - Counter(ok=5), Counter("aab") | Counter("bbc"), Counter("aab") & Counter("ab"))
    results = [o for o in outcomes if isinstance(o, Result)]
    first = results[0]
    name, state, elapsed = first
    print(first, name, state, elapsed, first == ("a", "ok", 0.2), isinstance(first, tuple), len(first))
    print(first._asdict(), first._replace(status="redo"), Result._make(["x", "y", 1]), Result._fields)
    print(json.dumps(results), tuple(first), first[1:], type(first[1:]).__name__, max(results, key=lambda r: r.elapsed))
    by_status = defaultdict(list)
    for o in outcomes:
        by_status[type(o).__name__].append(str(o) if isinstance(o, Exception) else o.name)
    print(by_status, isinstance(by_status, dict), dict(by_status), by_status["none"], len(by_status))
    timeline = OrderedDict()
    for r in sorted(results, key=lambda r: r.elapsed):
        timeline[r.name] = r.elapsed
    timeline.move_to_end("a", last=False)
    print(timeline, list(timeline), timeline.popitem(), timeline == {"a": 0.2}, isinstance(timeline, dict))
    print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1), dict(x=1, y=2) == OrderedDict(y=2, x=1), json.dumps(timeline))
    print(repr(Counter()), repr(OrderedDict()), repr(defaultdict(int)), Counter(a=1, b=0) == Counter(a=1))


asyncio.run(main())
