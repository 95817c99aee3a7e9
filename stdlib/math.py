"""Mathematical functions: libm's results through asim's native _math (as
CPython's C module), and the integer functions each version added.

asim's own code, written after the behaviour of CPython's math module."""
import sys
from _math import (pi, e, tau, inf, nan, sqrt, exp, expm1, log, log2, log10, log1p, sin, cos, tan, asin, acos,
                   atan, atan2, sinh, cosh, tanh, fabs, floor, ceil, trunc, pow, fmod, copysign, hypot, isfinite,
                   isinf, isnan, isclose, fsum, factorial, gcd, modf, frexp, ldexp, degrees, radians)
import _math

_V = sys.version_info[:2]

if _V < (3, 8):
    def hypot(x, y):
        return _math.hypot(x, y)

if _V < (3, 9):
    def gcd(a, b):
        return _math.gcd(a, b)

if _V >= (3, 9):
    lcm = _math.lcm

if _V >= (3, 11):
    cbrt = _math.cbrt
    exp2 = _math.exp2


def _index(n):
    if isinstance(n, bool) or not isinstance(n, int):
        if isinstance(n, int):
            return int(n)
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    return n


if _V >= (3, 8):
    def isqrt(n):
        n = _index(n)
        if n < 0:
            raise ValueError("isqrt() argument must be nonnegative")
        if n == 0:
            return 0
        x = 1 << ((n.bit_length() + 1) // 2)
        while True:
            y = (x + n // x) // 2
            if y >= x:
                return x
            x = y

    def comb(n, k):
        n = _index(n)
        k = _index(k)
        if n < 0:
            raise ValueError("n must be a non-negative integer")
        if k < 0:
            raise ValueError("k must be a non-negative integer")
        if k > n:
            return 0
        k = min(k, n - k)
        result = 1
        for i in range(1, k + 1):
            result = result * (n - k + i) // i
        return result

    def perm(n, k=None):
        n = _index(n)
        if k is None:
            return factorial(n)
        k = _index(k)
        if n < 0:
            raise ValueError("n must be a non-negative integer")
        if k < 0:
            raise ValueError("k must be a non-negative integer")
        if k > n:
            return 0
        result = 1
        for i in range(n - k + 1, n + 1):
            result *= i
        return result

    def prod(iterable, *, start=1):
        result = start
        for x in iterable:
            result = result * x
        return result

    def dist(p, q):
        p = tuple(p)
        q = tuple(q)
        if len(p) != len(q):
            raise ValueError("both points must have the same number of dimensions")
        return hypot(*[a - b for a, b in zip(p, q)])
