"""Iterator building blocks: count, cycle, repeat, chain, islice, zip_longest,
product, permutations, combinations, accumulate, groupby, starmap, takewhile,
dropwhile, filterfalse, compress, tee, pairwise (3.10), batched (3.12).

asim's own code, written after the behaviour CPython's itertools module
documents; per-version names by sys.version_info."""
import sys

_V = sys.version_info[:2]

# CPython's itertools is C: tracebacks show no frame of its functions.
_asim_c_functions = True


class _Iterator:
    """What the iterators below share: CPython's are types of their own
    (type(x).__name__ 'islice', the repr <itertools.islice object at ...>)
    which check their arguments when made, and step through _steps."""

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._steps)


def _as_index(n):
    if isinstance(n, int):
        return n
    if hasattr(type(n), "__index__"):
        return n.__index__()
    if isinstance(n, float) and _V < (3, 10):
        raise TypeError("integer argument expected, got float")
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)):
                raise TypeError("a number is required")
        self._next = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return "count(%r)" % (self._next,)
        return "count(%r, %r)" % (self._next, self._step)


class cycle(_Iterator):
    def __init__(self, iterable):
        self._steps = self._run(iter(iterable))

    @staticmethod
    def _run(items):
        saved = []
        for element in items:
            yield element
            saved.append(element)
        while saved:
            for element in saved:
                yield element


class repeat:
    """repeat(object[, times]): object, again and again (times times)."""

    def __init__(self, object, times=None):
        self._object = object
        self._left = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is not None:
            if self._left <= 0:
                raise StopIteration
            self._left -= 1
        return self._object

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left is None:
            return "repeat(%r)" % (self._object,)
        return "repeat(%r, %d)" % (self._object, self._left)


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        if initial is not None and _V < (3, 8):
            raise TypeError("accumulate() got an unexpected keyword argument 'initial'")
        self._steps = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(items, func, total):
        if total is None:
            try:
                total = next(items)
            except StopIteration:
                return
        yield total
        for element in items:
            total = total + element if func is None else func(total, element)
            yield total


class chain:
    """chain(*iterables): the elements of each iterable in turn."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._sources = iter(iterables)
        return result

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._steps = self._run(iter(data), iter(selectors))

    @staticmethod
    def _run(data, selectors):
        for element, selected in zip(data, selectors):
            if selected:
                yield element


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._steps = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, items):
        for element in items:
            if not predicate(element):
                yield element
                break
        for element in items:
            yield element


class filterfalse(_Iterator):
    def __init__(self, predicate, iterable):
        self._steps = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, items):
        for element in items:
            if not (bool(element) if predicate is None else predicate(element)):
                yield element


class groupby:
    """groupby(iterable, key=None): (key, group iterator) for each run of
    elements with equal keys; a group is spent once the next one starts."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._items = iter(iterable)
        self._token = None
        self._has_current = False
        self._done = False
        self._current_key = None
        self._current_value = None

    def __iter__(self):
        return self

    def _step(self):
        try:
            value = next(self._items)
        except StopIteration:
            self._done = True
            self._has_current = False
            return False
        self._current_value = value
        self._current_key = value if self._keyfunc is None else self._keyfunc(value)
        self._has_current = True
        return True

    def __next__(self):
        if self._done:
            raise StopIteration
        if self._token is not None:
            # Skip what is left of the current group.
            key = self._target
            while self._has_current and self._current_key == key:
                if not self._step():
                    break
            if not self._has_current:
                raise StopIteration
        elif not self._has_current and not self._step():
            raise StopIteration
        self._target = self._current_key
        self._token = object()
        return self._target, self._grouper(self._token, self._target)

    def _grouper(self, token, key):
        while self._token is token and self._has_current and self._current_key == key:
            yield self._current_value
            if not self._step():
                return


class islice(_Iterator):
    def __init__(self, iterable, *args):
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        if len(args) > 3:
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
        bounds = slice(*args)
        start = 0 if bounds.start is None else bounds.start
        stop = bounds.stop
        step = 1 if bounds.step is None else bounds.step
        if not (stop is None or isinstance(stop, int) and stop >= 0):
            raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if not (isinstance(start, int) and start >= 0) or not (isinstance(step, int) and step >= 1):
            if len(args) > 1 and not (isinstance(start, int) and start >= 0):
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._steps = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _run(items, start, stop, step):
        wanted = start
        index = 0
        while stop is None or wanted < stop:
            while index <= wanted:
                try:
                    element = next(items)
                except StopIteration:
                    return
                index += 1
            yield element
            wanted += step
        # Consume up to stop, as CPython's islice does once it is exhausted.
        while index < (stop if stop is not None else 0):
            try:
                next(items)
            except StopIteration:
                return
            index += 1


if _V >= (3, 10):
    class pairwise(_Iterator):
        def __init__(self, iterable):
            self._steps = self._run(iter(iterable))

        @staticmethod
        def _run(items):
            try:
                previous = next(items)
            except StopIteration:
                return
            for element in items:
                yield previous, element
                previous = element


if _V >= (3, 12):
    class batched(_Iterator):
        def __init__(self, iterable, n, *, strict=False):
            if strict and _V < (3, 13):
                raise TypeError("batched() got an unexpected keyword argument 'strict'")
            n = _as_index(n)
            if n < 1:
                raise ValueError("n must be at least one")
            self._steps = self._run(iter(iterable), n, strict)

        @staticmethod
        def _run(items, n, strict):
            while True:
                batch = tuple(islice(items, n))
                if not batch:
                    return
                if strict and len(batch) != n:
                    raise ValueError("batched(): incomplete batch")
                yield batch


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._steps = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, items):
        for args in items:
            yield function(*args)


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._steps = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, items):
        for element in items:
            if not predicate(element):
                return
            yield element


class _tee(_Iterator):
    def __init__(self, source, buffers, buffer):
        self._steps = self._run(source, buffers, buffer)

    @staticmethod
    def _run(source, buffers, buffer):
        while True:
            if not buffer:
                try:
                    element = next(source)
                except StopIteration:
                    return
                for other in buffers:
                    other.append(element)
            yield buffer.pop(0)


def tee(iterable, n=2):
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee(source, buffers, buffer) for buffer in buffers)


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        iterators = []
        for position, iterable in enumerate(iterables, 1):
            try:
                iterators.append(iter(iterable))
            except TypeError:
                if _V >= (3, 8):
                    raise
                raise TypeError("zip_longest argument #%d must support iteration" % position) from None
        self._steps = self._run(iterators, fillvalue)

    @staticmethod
    def _run(iterators, fillvalue):
        active = len(iterators)
        if not active:
            return
        while True:
            row = []
            for i, it in enumerate(iterators):
                try:
                    element = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = repeat(fillvalue)
                    element = fillvalue
                row.append(element)
            yield tuple(row)


# The combinatoric iterators walk index tuples in lexicographic order, one
# step per item, as CPython's do: a huge product sliced by islice costs
# only the items taken.

class product(_Iterator):
    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._steps = self._run([tuple(pool) for pool in iterables] * repeat)

    @staticmethod
    def _run(pools):
        if any(not pool for pool in pools):
            return
        digits = [0] * len(pools)
        while True:
            yield tuple(pool[d] for pool, d in zip(pools, digits))
            # The odometer: the rightmost digit that can move moves, the
            # ones after it start again.
            place = len(pools) - 1
            while place >= 0 and digits[place] == len(pools[place]) - 1:
                digits[place] = 0
                place -= 1
            if place < 0:
                return
            digits[place] += 1


def _r_argument(r, n):
    if r is None:
        return n
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        self._steps = self._run(pool, _r_argument(r, len(pool)))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        order = list(range(n))
        while True:
            yield tuple(pool[i] for i in order[:r])
            # The next arrangement of r indices: put the unused ones in
            # descending order, then take the next permutation of them all.
            order[r:] = reversed(order[r:])
            pivot = n - 2
            while pivot >= 0 and order[pivot] > order[pivot + 1]:
                pivot -= 1
            if pivot < 0:
                return
            swap = n - 1
            while order[swap] < order[pivot]:
                swap -= 1
            order[pivot], order[swap] = order[swap], order[pivot]
            order[pivot + 1:] = reversed(order[pivot + 1:])


class combinations(_Iterator):
    def __init__(self, iterable, r):
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._steps = self._run(tuple(iterable), r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        chosen = list(range(r))
        while True:
            yield tuple(pool[i] for i in chosen)
            # The rightmost index not yet at its last place moves on one;
            # those after it follow it closely.
            place = r - 1
            while place >= 0 and chosen[place] == place + n - r:
                place -= 1
            if place < 0:
                return
            chosen[place] += 1
            for after in range(place + 1, r):
                chosen[after] = chosen[after - 1] + 1


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        r = _as_index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._steps = self._run(tuple(iterable), r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if n == 0 and r:
            return
        chosen = [0] * r
        while True:
            yield tuple(pool[i] for i in chosen)
            place = r - 1
            while place >= 0 and chosen[place] == n - 1:
                place -= 1
            if place < 0:
                return
            value = chosen[place] + 1
            for after in range(place, r):
                chosen[after] = value
