"""Container types: namedtuple, deque, defaultdict, Counter, OrderedDict,
ChainMap, with CPython's reprs per version.

asim's own code, written after the behaviour of CPython's
Lib/collections/__init__.py. asim's classes cannot derive from the builtin
dict, list or tuple, so these are classes of their own that behave as those
do (indexing, iteration, len, ==, the methods); isinstance(x, dict) and the
like are False here."""
import sys

_V = sys.version_info[:2]


################################################################ namedtuple

def _nt_init(self, *args, **kwargs):
    cls = type(self)
    fields = cls._fields
    if len(args) > len(fields):
        raise TypeError("%s.__new__() takes %d positional arguments but %d were given"
                        % (cls.__name__, len(fields) + 1, len(args) + 1)
                        if _V >= (3, 10) else
                        "__new__() takes %d positional arguments but %d were given"
                        % (len(fields) + 1, len(args) + 1))
    values = dict(zip(fields, args))
    for name, value in kwargs.items():
        if name not in fields:
            raise TypeError("%s() got an unexpected keyword argument '%s'"
                            % ("%s.__new__" % cls.__name__ if _V >= (3, 10) else "__new__", name))
        if name in values:
            raise TypeError("%s() got multiple values for argument '%s'"
                            % ("%s.__new__" % cls.__name__ if _V >= (3, 10) else "__new__", name))
        values[name] = value
    missing = [f for f in fields if f not in values and f not in cls._field_defaults]
    if missing:
        shown = ["'%s'" % m for m in missing]
        names = shown[0] if len(shown) == 1 else (
            ' and '.join(shown) if len(shown) == 2 else ', '.join(shown[:-1]) + ', and ' + shown[-1])
        raise TypeError("%s() missing %d required positional argument%s: %s"
                        % ("%s.__new__" % cls.__name__ if _V >= (3, 10) else "__new__",
                           len(missing), '' if len(missing) == 1 else 's', names))
    row = tuple(values[f] if f in values else cls._field_defaults[f] for f in fields)
    self._tuple = row
    for name, value in zip(fields, row):
        setattr(self, name, value)


class _TupleLike:
    """What a namedtuple class inherits: a tuple's behaviour over _tuple."""

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__,
                           ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self._tuple)))

    def __iter__(self):
        return iter(self._tuple)

    def __len__(self):
        return len(self._tuple)

    def __getitem__(self, index):
        return self._tuple[index]

    def __contains__(self, value):
        return value in self._tuple

    def __eq__(self, other):
        return self._tuple == _as_tuple(other)

    def __ne__(self, other):
        return self._tuple != _as_tuple(other)

    def __lt__(self, other):
        return self._tuple < _as_tuple(other)

    def __le__(self, other):
        return self._tuple <= _as_tuple(other)

    def __gt__(self, other):
        return self._tuple > _as_tuple(other)

    def __ge__(self, other):
        return self._tuple >= _as_tuple(other)

    def __hash__(self):
        return hash(self._tuple)

    def __add__(self, other):
        return self._tuple + _as_tuple(other)

    def count(self, value):
        return self._tuple.count(value)

    def index(self, value):
        return self._tuple.index(value)

    def _asdict(self):
        pairs = zip(self._fields, self._tuple)
        return OrderedDict(pairs) if _V < (3, 8) else dict(pairs)

    def _replace(self, **changes):
        values = dict(zip(self._fields, self._tuple))
        for name in changes:
            if name not in values:
                raise ValueError("Got unexpected field names: %r" % list(changes))
        values.update(changes)
        return type(self)(**values)


def _as_tuple(value):
    return value._tuple if isinstance(value, _TupleLike) else value


def _nt_make(cls, iterable):
    return cls(*iterable)


def _fill_namedtuple(cls, typename, fields, defaults):
    cls._fields = tuple(fields)
    cls._field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    cls._make = classmethod(_nt_make)
    cls.__init__ = _nt_init
    if not issubclass(cls, _TupleLike):  # a typing.NamedTuple class
        for name, value in _TupleLike.__dict__.items():
            if name not in ('__module__', '__qualname__', '__doc__'):
                setattr(cls, name, value)
    for name in fields:
        if name in cls.__dict__:
            delattr(cls, name)
    return cls


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = [str(name) for name in field_names]
    if rename:
        seen = set()
        for index, name in enumerate(fields):
            if (not name.isidentifier() or name.startswith('_') or name in seen):
                fields[index] = '_%d' % index
            seen.add(name)
    for name in [typename] + fields:
        if not isinstance(name, str):
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
    seen = set()
    for name in fields:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError('Got more default values than field names')
    cls = type(typename, (_TupleLike,), {})
    return _fill_namedtuple(cls, typename, fields, list(defaults))


################################################################ deque

class deque:
    """deque([iterable[, maxlen]]): a double-ended queue, bounded by maxlen."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError("%r is not in deque" % (x,)) from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError("%r is not in deque" % (value,) if _V >= (3, 12)
                             else "deque.remove(x): x not in deque") from None

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        try:
            return self._items[index]
        except IndexError:
            raise IndexError("deque index out of range") from None

    def __setitem__(self, index, value):
        try:
            self._items[index] = value
        except IndexError:
            raise IndexError("deque index out of range") from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError("deque index out of range") from None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return deque(self._items + other._items, self._maxlen)

    def __repr__(self):
        if self._maxlen is None:
            return 'deque(%r)' % (self._items,)
        return 'deque(%r, maxlen=%d)' % (self._items, self._maxlen)


################################################################ mappings

class _Mapping:
    """The dict behaviour the mapping classes share, over self._data."""

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __bool__(self):
        return bool(self._data)

    def __eq__(self, other):
        return self._data == _as_dict(other)

    def __ne__(self, other):
        return self._data != _as_dict(other)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        for source in args:
            source = _as_dict(source)
            pairs = source.items() if isinstance(source, dict) else source
            for key, value in pairs:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value


def _as_dict(value):
    return value._data if isinstance(value, _Mapping) else value


class defaultdict(_Mapping):
    """defaultdict(default_factory=None, ...): missing keys made by the factory."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        factory = self.default_factory
        shown = 'None' if factory is None else repr(factory)
        return 'defaultdict(%s, %r)' % (shown, self._data)


class OrderedDict(_Mapping):
    """A dict that also moves keys to either end."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = list(self._data.items())
            self._data.clear()
            self._data[key] = value
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = list(self._data)[-1 if last else 0]
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self._data)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return self._data == _as_dict(other)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        if _V >= (3, 12):
            return 'OrderedDict(%r)' % (self._data,)
        return 'OrderedDict(%r)' % (list(self._data.items()),)


class Counter(_Mapping):
    """Counter(iterable or mapping): counts of hashable things."""

    def __init__(self, iterable=None, **kwargs):
        self._data = {}
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            source = _as_dict(iterable)
            if isinstance(source, dict):
                for key, count in source.items():
                    self._data[key] = count + self._data.get(key, 0)
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) + 1
        if kwargs:
            self.update(kwargs)

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            source = _as_dict(iterable)
            if isinstance(source, dict):
                for key, count in source.items():
                    self._data[key] = self._data.get(key, 0) - count
            else:
                for key in iterable:
                    self._data[key] = self._data.get(key, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda item: item[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for key, count in self._data.items():
            for _ in range(count):
                yield key

    def copy(self):
        return Counter(self)

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __add__(self, other):
        result = Counter()
        for key, count in self._data.items():
            total = count + other[key]
            if total > 0:
                result[key] = total
        for key, count in other.items():
            if key not in self._data and count > 0:
                result[key] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for key, count in self._data.items():
            left = count - other[key]
            if left > 0:
                result[key] = left
        for key, count in other.items():
            if key not in self._data and count < 0:
                result[key] = 0 - count
        return result

    def __or__(self, other):
        result = Counter()
        for key in list(self._data) + [k for k in other if k not in self._data]:
            top = max(self[key], other[key])
            if top > 0:
                result[key] = top
        return result

    def __and__(self, other):
        result = Counter()
        for key, count in self._data.items():
            low = min(count, other[key])
            if low > 0:
                result[key] = low
        return result

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        return 'Counter({%s})' % ', '.join('%r: %r' % item for item in self.most_common())


if _V >= (3, 10):
    def _total(self):
        return sum(self._data.values())

    Counter.total = _total


class ChainMap(_Mapping):
    """ChainMap(*maps): lookups through several mappings, writes to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _data(self):
        merged = {}
        for mapping in reversed(self.maps):
            merged.update(_as_dict(mapping))
        return merged

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,)) from None

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return 'ChainMap(%s)' % ', '.join(map(repr, self.maps))


class UserDict(_Mapping):
    def __init__(self, dict=None, **kwargs):
        self.data = {}
        self._data = self.data
        if dict is not None:
            self.update(dict)
        self.update(kwargs)

    def __repr__(self):
        return repr(self.data)
