"""Averages and spread of numeric data: mean, fmean, harmonic_mean,
geometric_mean, median (low, high), quantiles, mode, multimode, variance,
pvariance, stdev and pstdev.

asim's own code, written after the behaviour of CPython's statistics
module: sums are exact (as fractions, here numerator and denominator
pairs) and converted to the data's type once, as CPython does, so the
results are the same floats; each version's way to the spread (3.7-3.9:
deviations from the rounded mean; 3.10: exact; 3.11+: an exactly rounded
square root). Fraction and Decimal data need modules asim lacks."""
import sys
import math
from collections import Counter

_V = sys.version_info[:2]

__all__ = ['StatisticsError', 'pstdev', 'pvariance', 'stdev', 'variance', 'median', 'median_low',
           'median_high', 'mean', 'mode', 'harmonic_mean']
if _V >= (3, 8):
    __all__ += ['fmean', 'geometric_mean', 'multimode', 'quantiles', 'NormalDist']
if _V >= (3, 10):
    __all__ += ['covariance', 'correlation', 'linear_regression']
if _V >= (3, 13):
    __all__ += ['kde', 'kde_random']


class StatisticsError(ValueError):
    pass


def _ratio(x):
    # (numerator, denominator) exactly; (x, None) for an infinity or a NaN.
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(T, S):
    # The type a result of T and S data comes back as; int gives way.
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _reduce(n, d):
    g = math.gcd(n, d)
    return (n // g, d // g)


def _add(a, b):
    return _reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _sum(data):
    # (type, exact sum as (n, d) or an infinity/NaN, count)
    count = 0
    T = int
    partials = {}
    for x in data:
        T = _coerce(T, type(x))
        n, d = _ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        return (T, partials[None], count)
    total = (0, 1)
    for d, n in partials.items():
        total = _add(total, (n, d))
    return (T, total, count)


def _convert(value, T):
    # The exact value as type T: an int when T is int and value is whole,
    # else the correctly rounded float.
    if not isinstance(value, tuple):
        return value
    n, d = value
    if issubclass(T, int) and d == 1:
        return T(n)
    if issubclass(T, int):
        T = float
    return T(n / d)


def _divide(value, k):
    if not isinstance(value, tuple):
        return value / k
    return _reduce(value[0], value[1] * k)


def mean(data):
    if iter(data) is data:
        data = list(data)
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_divide(total, n), T)


if _V >= (3, 8):
    def fmean(data, *args):
        if args and _V >= (3, 11) and args[0] is not None:
            import _asimlib
            _asimlib.unsupported("statistics.fmean(weights)", "asim models only part of statistics")
        try:
            n = len(data)
        except TypeError:
            data = list(data)
            n = len(data)
        total = math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n


def _fail_neg(values, errmsg):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _harmonic_mean(data, weights):
    # The exact sum of weight/x (floats for int data), then n over it.
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        sum_weights = _sum(w for w in _fail_neg(weights, errmsg))[1]
    try:
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, _fail_neg(data, errmsg)))
    except ZeroDivisionError:
        return 0
    if not isinstance(total, tuple) or not isinstance(sum_weights, tuple):
        import _asimlib
        _asimlib.unsupported("statistics.harmonic_mean() of infinities", "asim models only part of statistics")
    if _V >= (3, 10) and total[0] <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_reduce(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)


if _V >= (3, 10):
    def harmonic_mean(data, weights=None):
        return _harmonic_mean(data, weights)
else:
    def harmonic_mean(data):
        return _harmonic_mean(data, None)


if (3, 8) <= _V < (3, 13):
    def geometric_mean(data):
        try:
            return math.exp(fmean(map(math.log, data)))
        except ValueError:
            # 3.8's message has two spaces in its middle.
            raise StatisticsError('geometric mean requires a non-empty dataset '
                                  + (' ' if _V == (3, 8) else '') + 'containing positive numbers') from None
elif _V >= (3, 13):
    def geometric_mean(data):
        n = 0
        found_zero = False
        total = []
        for n, x in enumerate(data, start=1):
            if x > 0.0 or math.isnan(x):
                total.append(math.log(x))
            elif x == 0.0:
                found_zero = True
            else:
                raise StatisticsError('No negative inputs allowed', x)
        total = math.fsum(total)
        if not n:
            raise StatisticsError('Must have a non-empty dataset')
        if math.isnan(total):
            return math.nan
        if found_zero:
            return math.nan if total == math.inf else 0.0
        return math.exp(total / n)


if _V >= (3, 8):
    def quantiles(data, *, n=4, method='exclusive'):
        # n - 1 cut points, each between two neighbouring sorted values, the
        # weights exact integers over n (the positions count from 0 for
        # 'inclusive', from 1 over len + 1 values for 'exclusive').
        if n < 1:
            raise StatisticsError('n must be at least 1')
        data = sorted(data)
        size = len(data)
        if size < 2:
            if size == 1 and _V >= (3, 13):
                return data * (n - 1)
            raise StatisticsError('must have at least one data point' if _V >= (3, 13)
                                  else 'must have at least two data points')
        if method not in ('inclusive', 'exclusive'):
            raise ValueError('Unknown method: %r' % (method,))
        cuts = []
        for i in range(1, n):
            if method == 'inclusive':
                low, delta = divmod(i * (size - 1), n)
            else:
                at = min(max(i * (size + 1) // n, 1), size - 1)
                delta = i * (size + 1) - at * n
                low = at - 1
            cuts.append((data[low] * (n - delta) + data[low + 1] * delta) / n)
        return cuts


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _most_common(data):
    # (value, count) pairs, the most frequent first, ties in first-seen order.
    return Counter(iter(data)).most_common()


if _V >= (3, 8):
    def mode(data):
        pairs = _most_common(data)
        if not pairs:
            raise StatisticsError('no mode for empty data')
        return pairs[0][0]

    def multimode(data):
        pairs = _most_common(data)
        if not pairs:
            return []
        return [value for value, count in pairs if count == pairs[0][1]]
else:
    def mode(data):
        pairs = _most_common(data)
        if not pairs:
            raise StatisticsError('no mode for empty data')
        top = [p for p in pairs if p[1] == pairs[0][1]]
        if len(top) > 1:
            raise StatisticsError('no unique mode; found %d equally common values' % len(top))
        return top[0][0]


def _sub(a, b):
    return _reduce(a[0] * b[1] - b[0] * a[1], a[1] * b[1])


def _square_deviations(data, c):
    # (type, sum of squared deviations, count). With c given, or before 3.10,
    # the deviations are taken from c in the data's own arithmetic; else
    # exactly from the exact mean.
    if c is not None:
        T, ss, n = _sum([(x - c) * (x - c) if _V >= (3, 11) else (x - c) ** 2 for x in data])
        return (T, ss, n)
    if _V < (3, 10):
        c = mean(data)
        T, ss, n = _sum([(x - c) ** 2 for x in data])
        U, dev, n2 = _sum([x - c for x in data])
        if isinstance(ss, tuple) and isinstance(dev, tuple):
            ss = _sub(ss, _reduce(dev[0] * dev[0], dev[1] * dev[1] * len(data)))
        return (T, ss, n)
    T, total, n = _sum(data)
    if not isinstance(total, tuple):
        return (T, total, n)
    ss = (0, 1)
    for x in data:
        xn, xd = _ratio(x)
        diff = _sub((xn * n, xd), total)
        ss = _add(ss, _reduce(diff[0] * diff[0], diff[1] * diff[1] * n * n))
    return (T, ss, n)


def _check_count(n, least, name):
    if n < least:
        if least == 2:
            raise StatisticsError('%s requires at least two data points' % name)
        raise StatisticsError('%s requires at least one data point' % name)


def _spread(data, c, population, name):
    if iter(data) is data:
        data = list(data)
    if _V < (3, 11):
        _check_count(len(data), 1 if population else 2, name)
    T, ss, n = _square_deviations(data, c)
    if _V >= (3, 11):
        _check_count(n, 1 if population else 2, name)
    return T, _divide(ss, n if population else n - 1)


def _sqrt_of_ratio(value):
    # The correctly rounded float square root of n/d: an integer square root
    # with enough bits, made odd when inexact (round to odd), then rounded
    # once to a float.
    if not isinstance(value, tuple):
        return math.sqrt(value)
    n, d = value
    if n == 0:
        return 0.0
    shift = 2 * 56 - n.bit_length() + d.bit_length()
    shift += shift % 2
    if shift >= 0:
        q, r = divmod(n << shift, d)
    else:
        q, r = divmod(n, d << -shift)
    root = math.isqrt(q)
    if r or root * root != q:
        root |= 1
    return math.ldexp(float(root), -shift // 2)


def variance(data, xbar=None):
    T, var = _spread(data, xbar, False, 'variance')
    return _convert(var, T)


def pvariance(data, mu=None):
    T, var = _spread(data, mu, True, 'pvariance')
    return _convert(var, T)


def stdev(data, xbar=None):
    if _V >= (3, 11):
        T, var = _spread(data, xbar, False, 'stdev')
        return _sqrt_of_ratio(var)
    return math.sqrt(variance(data, xbar))


def pstdev(data, mu=None):
    if _V >= (3, 11):
        T, var = _spread(data, mu, True, 'pstdev')
        return _sqrt_of_ratio(var)
    return math.sqrt(pvariance(data, mu))
