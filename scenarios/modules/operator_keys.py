# operator in an asyncio program: attrgetter/itemgetter as sort keys over jobs
# and gathered results, reduce with operator.add/mul, methodcaller, reprs.
import asyncio
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce


class Job:
    def __init__(self, name, priority, owner):
        self.name = name
        self.priority = priority
        self.owner = owner

    def __repr__(self):
        return f"Job({self.name!r})"


class Owner:
    def __init__(self, name):
        self.name = name


async def run(job):
    await asyncio.sleep(job.priority / 10)
    return job.name, job.priority


async def main():
    alice, bob = Owner("alice"), Owner("bob")
    jobs = [Job("b", 3, alice), Job("a", 1, bob), Job("c", 2, alice)]
    print(sorted(jobs, key=attrgetter("priority")))
    print([attrgetter("owner.name")(j) for j in jobs], attrgetter("name", "priority")(jobs[0]))
    results = await asyncio.gather(*(run(j) for j in jobs))
    print(results, sorted(results, key=itemgetter(1)), max(results, key=itemgetter(1))[0])
    print(list(map(itemgetter(0), results)), itemgetter(1, 0)(results[0]))
    print(reduce(operator.add, [p for _, p in results]), reduce(operator.mul, range(1, 6)))
    print(operator.sub(5, 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
    print(operator.neg(4), operator.not_(0), operator.truth([]), operator.eq(1, 1.0), operator.lt(1, 2), operator.contains([1, 2], 2))
    print(operator.getitem({"k": 1}, "k"), operator.abs(-3), operator.concat([1], [2]), operator.is_(None, None))
    print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "o")("banana"))
    print(repr(itemgetter(1)), repr(attrgetter("a.b", "c")), repr(methodcaller("f", 1, x=2)))
    d = {}
    operator.setitem(d, "x", 1)
    print(d, operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))


asyncio.run(main())
