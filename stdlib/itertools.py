"""Iterator building blocks: count, cycle, repeat, chain, islice, zip_longest,
product, permutations, combinations, accumulate, groupby, starmap, takewhile,
dropwhile, filterfalse, compress, tee, pairwise (3.10), batched (3.12).

asim's own code, written after the behaviour CPython's itertools module
documents; per-version names by sys.version_info."""
import sys

_V = sys.version_info[:2]


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


def cycle(iterable):
    saved = []
    for element in iterable:
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


def accumulate(iterable, func=None, *, initial=None):
    if initial is not None and _V < (3, 8):
        raise TypeError("accumulate() got an unexpected keyword argument 'initial'")
    items = iter(iterable)
    total = initial
    if initial is None:
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


def compress(data, selectors):
    for element, selected in zip(data, selectors):
        if selected:
            yield element


def dropwhile(predicate, iterable):
    items = iter(iterable)
    for element in items:
        if not predicate(element):
            yield element
            break
    for element in items:
        yield element


def filterfalse(predicate, iterable):
    for element in iterable:
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


def islice(iterable, *args):
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
    items = iter(iterable)
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
    def pairwise(iterable):
        items = iter(iterable)
        try:
            previous = next(items)
        except StopIteration:
            return
        for element in items:
            yield previous, element
            previous = element


if _V >= (3, 12):
    def batched(iterable, n, *, strict=False):
        if strict and _V < (3, 13):
            raise TypeError("batched() got an unexpected keyword argument 'strict'")
        if n < 1:
            raise ValueError("n must be at least one")
        items = iter(iterable)
        while True:
            batch = tuple(islice(items, n))
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError("batched(): incomplete batch")
            yield batch


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def takewhile(predicate, iterable):
    for element in iterable:
        if not predicate(element):
            return
        yield element


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    buffers = [[] for _ in range(n)]

    def follower(buffer):
        while True:
            if not buffer:
                try:
                    element = next(source)
                except StopIteration:
                    return
                for other in buffers:
                    other.append(element)
            yield buffer.pop(0)

    return tuple(follower(buffer) for buffer in buffers)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
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


def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [prefix + (element,) for prefix in result for element in pool]
    for combination in result:
        yield combination


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    for indices in product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)
