"""Bisection in sorted sequences.

asim's own code, written after the behaviour of CPython's bisect (the C
_bisect module): the same comparisons (only <), messages and, from 3.10,
the key argument."""

# CPython's bisect functions are C (_bisect): tracebacks show no frame of theirs.
_asim_c_functions = True
import sys

_KEY = sys.version_info[:2] >= (3, 10)


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None or hi == -1:
        hi = len(a)
    return lo, hi


def _right(a, x, lo, hi, key):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _left(a, x, lo, hi, key):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


if _KEY:
    def bisect_right(a, x, lo=0, hi=None, *, key=None):
        return _right(a, x, lo, hi, key)

    def bisect_left(a, x, lo=0, hi=None, *, key=None):
        return _left(a, x, lo, hi, key)

    def insort_right(a, x, lo=0, hi=None, *, key=None):
        a.insert(_right(a, x if key is None else key(x), lo, hi, key), x)

    def insort_left(a, x, lo=0, hi=None, *, key=None):
        a.insert(_left(a, x if key is None else key(x), lo, hi, key), x)
else:
    def bisect_right(a, x, lo=0, hi=None):
        return _right(a, x, lo, hi, None)

    def bisect_left(a, x, lo=0, hi=None):
        return _left(a, x, lo, hi, None)

    def insort_right(a, x, lo=0, hi=None):
        a.insert(_right(a, x, lo, hi, None), x)

    def insort_left(a, x, lo=0, hi=None):
        a.insert(_left(a, x, lo, hi, None), x)

bisect = bisect_right
insort = insort_right
