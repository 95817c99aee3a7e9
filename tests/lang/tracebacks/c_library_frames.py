# Library functions CPython writes in C show no frame of theirs between the
# program's call and its own function that raised: itertools, functools'
# reduce, partial and lru_cache, heapq's heap functions, operator, a
# namedtuple refusing its arguments, a defaultdict's factory.
import collections
import functools
import heapq
import itertools
import operator
import traceback


def shown(action):
    try:
        action()
    except Exception:
        traceback.print_exc()


def reciprocal(a):
    return 1 / a


shown(lambda: list(itertools.starmap(reciprocal, [(1,), (0,)])))
shown(lambda: list(itertools.filterfalse(reciprocal, [0])))
shown(lambda: next(itertools.islice(map(reciprocal, [0]), 1)))
shown(lambda: functools.reduce(lambda a, b: a / b, [1, 0]))
shown(lambda: functools.partial(reciprocal)(0))
shown(lambda: functools.lru_cache()(reciprocal)(0))
shown(lambda: heapq.heappush([1], "x"))
shown(lambda: operator.itemgetter(5)([1]))
Point = collections.namedtuple("Point", "x y")
shown(lambda: Point(1))
shown(lambda: collections.defaultdict(lambda: reciprocal(0))["k"])
sorted(itertools.permutations("ab"), key=lambda p: reciprocal(0))
