"""Container types: namedtuple, deque, defaultdict, Counter, OrderedDict,
ChainMap, UserDict, with CPython's reprs per version.

asim's own code, written after the behaviour of CPython's
Lib/collections/__init__.py: namedtuple classes derive from tuple and
defaultdict, OrderedDict and Counter from dict, as they do there; deque,
ChainMap and UserDict are classes of their own."""
import sys

_V = sys.version_info[:2]

# What CPython writes in C (_collections, and a namedtuple's __new__ refusing
# its arguments before its frame starts): tracebacks show no frame of theirs.
_asim_c_functions = ('_nt_new', '_nt_values', '_tuplegetter', 'deque', '_modelled_deque_init',
                     '_modelled_deque_changed', '_modelled_deque_copy', 'defaultdict', '_defaultdict_ror',
                     'OrderedDict', '_OrderedDictView', '_OrderedDictSetView', 'odict_keys', 'odict_values',
                     'odict_items', '_ordereddict_ror')


################################################################ namedtuple

def _nt_values(cls, args, kwargs):
    """The row cls(*args, **kwargs) stands for, with the TypeErrors of the
    __new__ CPython generates for the class."""
    fields = cls._fields
    # 3.9 built __new__ from a lambda, whose code keeps the name <lambda>.
    where = ("%s.__new__" % cls.__name__ if _V >= (3, 10)
             else "<lambda>" if _V == (3, 9) else "__new__")
    if len(args) > len(fields):
        raise TypeError("%s() takes %d positional arguments but %d were given"
                        % (where, len(fields) + 1, len(args) + 1))
    values = dict(zip(fields, args))
    for name, value in kwargs.items():
        if name not in fields:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (where, name))
        if name in values:
            raise TypeError("%s() got multiple values for argument '%s'" % (where, name))
        values[name] = value
    missing = [f for f in fields if f not in values and f not in cls._field_defaults]
    if missing:
        shown = ["'%s'" % m for m in missing]
        names = shown[0] if len(shown) == 1 else (
            ' and '.join(shown) if len(shown) == 2 else ', '.join(shown[:-1]) + ', and ' + shown[-1])
        raise TypeError("%s() missing %d required positional argument%s: %s"
                        % (where, len(missing), '' if len(missing) == 1 else 's', names))
    return tuple(values[f] if f in values else cls._field_defaults[f] for f in fields)


def _nt_new(_cls, *args, **kwargs):
    return tuple.__new__(_cls, _nt_values(_cls, args, kwargs))


def _nt_make(cls, iterable):
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError('Expected %d arguments, got %d' % (len(cls._fields), len(result)))
    return result


def _nt_repr(self):
    return '%s(%s)' % (self.__class__.__name__,
                       ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self)))


def _nt_asdict(self):
    pairs = zip(self._fields, self)
    return OrderedDict(pairs) if _V < (3, 8) else dict(pairs)


def _nt_replace(self, **changes):
    values = [changes.pop(f, v) for f, v in zip(self._fields, self)]
    if changes:
        raise (TypeError if _V >= (3, 13) else ValueError)(
            'Got unexpected field names: %r' % list(changes))
    return self._make(values)


def _nt_getnewargs(self):
    return tuple(self)


class _tuplegetter:
    """A namedtuple field: item `index` of the tuple, read-only."""

    def __init__(self, index):
        self._index = index
        self.__doc__ = 'Alias for field number %d' % index

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return tuple.__getitem__(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")


# What the class statement of a typing.NamedTuple may not define itself.
_NT_PROHIBITED = ('__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                  '_field_defaults', '_make', '_replace', '_asdict')


def _fill_namedtuple(cls, typename, fields, defaults):
    own = cls.__dict__
    methods = {'__new__': _nt_new, '__slots__': (), '_fields': tuple(fields),
               '_field_defaults': dict(zip(fields[len(fields) - len(defaults):], defaults)),
               '_make': classmethod(_nt_make), '_asdict': _nt_asdict, '_replace': _nt_replace,
               '__getnewargs__': _nt_getnewargs, '__repr__': _nt_repr}
    if _V >= (3, 10):
        methods['__match_args__'] = tuple(fields)
    for name, value in methods.items():
        if name in _NT_PROHIBITED or name not in own:
            setattr(cls, name, value)
    for index, name in enumerate(fields):
        setattr(cls, name, _tuplegetter(index))
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
    cls = type(typename, (tuple,), {'__doc__': '%s(%s)' % (typename, ', '.join(fields))})
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
            raise ValueError("%r is not in deque" % (value,) if _V >= (3, 10)
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


def _modelled_deque_init(self, items, owner):
    self._items = list(items)
    self._maxlen = None
    self._owner = owner


def _modelled_deque_changed(self, *args):
    import _asimlib
    _asimlib.unsupported('changing ' + self._owner,
                         "asim keeps asyncio's waiting futures in its model")


def _modelled_deque_copy(self):
    return deque(self._items)


# One of asyncio's waiter deques (Lock._waiters, Queue._getters, ...) as it
# stands: the waiting futures live in asim's model, so reading it is as in
# CPython, but a change would not reach the model where CPython's own code
# would see it: a change stops the run. Named deque, as CPython's is.
_ModelledDeque = type('deque', (deque,), dict(
    {name: _modelled_deque_changed for name in (
        'append', 'appendleft', 'extend', 'extendleft', 'pop', 'popleft', 'clear',
        'insert', 'remove', 'reverse', 'rotate', '__setitem__', '__delitem__', '__iadd__')},
    __init__=_modelled_deque_init, copy=_modelled_deque_copy, __module__='collections'))


################################################################ mappings

class _Mapping:
    """The dict behaviour ChainMap and UserDict share, over self._data
    (MutableMapping's mixin methods)."""

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


def _is_mapping(value):
    return isinstance(value, (dict, _Mapping))


class defaultdict(dict):
    """defaultdict(default_factory=None, ...): missing keys made by the factory."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        factory = self.default_factory
        shown = 'None' if factory is None else repr(factory)
        return '%s(%s, %s)' % (type(self).__name__, shown, dict.__repr__(self))


class _OrderedDictView:
    # An OrderedDict's keys(), values() and items(): live views of the dict's
    # own, under their names (odict_keys...) and reversible on every version.
    __slots__ = ('_mapping',)
    _view = None

    def __init__(self, mapping):
        self._mapping = mapping

    def _dict_view(self):
        return type(self)._view(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._dict_view())

    def __reversed__(self):
        return reversed(list(self._dict_view()))

    def __contains__(self, item):
        return item in self._dict_view()

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, list(self._dict_view()))


class _OrderedDictSetView(_OrderedDictView):
    __slots__ = ()

    def __eq__(self, other):
        if isinstance(other, _OrderedDictView):
            other = other._dict_view()
        return self._dict_view() == other

    def __ne__(self, other):
        return not self == other

    def __and__(self, other):
        return self._dict_view() & other

    def __or__(self, other):
        return self._dict_view() | other

    def __sub__(self, other):
        return self._dict_view() - other

    def __xor__(self, other):
        return self._dict_view() ^ other

    def isdisjoint(self, other):
        return self._dict_view().isdisjoint(other)


class odict_keys(_OrderedDictSetView):
    __slots__ = ()
    _view = dict.keys


class odict_values(_OrderedDictView):
    __slots__ = ()
    _view = dict.values


class odict_items(_OrderedDictSetView):
    __slots__ = ()
    _view = dict.items


class OrderedDict(dict):
    """A dict that also moves keys to either end, and whose == between two
    of them minds the order."""

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(dict.keys(self))
        key = keys[-1 if last else 0]
        return key, dict.pop(self, key)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        if _V >= (3, 12):
            return '%s(%s)' % (type(self).__name__, dict.__repr__(self))
        return '%s(%r)' % (type(self).__name__, list(self.items()))


class Counter(dict):
    """Counter(iterable or mapping): counts of hashable things."""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('expected at most 1 arguments, got %d' % len(args))
        dict.__init__(self)
        self.update(*args, **kwargs)

    def __missing__(self, key):
        return 0

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for key, count in self.items():
            for _ in range(count):
                yield key

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    for key, count in iterable.items():
                        self[key] = count + self.get(key, 0)
                else:
                    dict.update(self, iterable)
            else:
                for key in iterable:
                    self[key] = self.get(key, 0) + 1
        if kwargs:
            self.update(kwargs)

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if _is_mapping(iterable):
                for key, count in iterable.items():
                    self[key] = self.get(key, 0) - count
            else:
                for key in iterable:
                    self[key] = self.get(key, 0) - 1
        if kwargs:
            self.subtract(kwargs)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, key):
        if key in self:
            dict.__delitem__(self, key)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        return '%s({%s})' % (self.__class__.__name__,
                             ', '.join('%r: %r' % item for item in self.most_common()))

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self.items():
            total = count + other[key]
            if total > 0:
                result[key] = total
        for key, count in other.items():
            if key not in self and count > 0:
                result[key] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self.items():
            left = count - other[key]
            if left > 0:
                result[key] = left
        for key, count in other.items():
            if key not in self and count < 0:
                result[key] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self.items():
            other_count = other[key]
            top = other_count if count < other_count else count
            if top > 0:
                result[key] = top
        for key, count in other.items():
            if key not in self and count > 0:
                result[key] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for key, count in self.items():
            other_count = other[key]
            low = count if count < other_count else other_count
            if low > 0:
                result[key] = low
        return result

    def __pos__(self):
        result = Counter()
        for key, count in self.items():
            if count > 0:
                result[key] = count
        return result

    def __neg__(self):
        result = Counter()
        for key, count in self.items():
            if count < 0:
                result[key] = 0 - count
        return result

    def _keep_positive(self):
        for key in [k for k, count in self.items() if not count > 0]:
            del self[key]
        return self

    def __iadd__(self, other):
        for key, count in other.items():
            self[key] += count
        return self._keep_positive()

    def __isub__(self, other):
        for key, count in other.items():
            self[key] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for key, other_count in other.items():
            count = self[key]
            if other_count > count:
                self[key] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for key, count in self.items():
            other_count = other[key]
            if other_count < count:
                self[key] = other_count
        return self._keep_positive()


def _dict_or(self, other):
    if not isinstance(other, dict):
        return NotImplemented
    new = self.copy()
    new.update(other)
    return new


def _defaultdict_ror(self, other):
    if not isinstance(other, dict):
        return NotImplemented
    new = type(self)(self.default_factory, other)
    new.update(self)
    return new


def _ordereddict_ror(self, other):
    if not isinstance(other, dict):
        return NotImplemented
    new = type(self)(other)
    new.update(self)
    return new


def _counter_total(self):
    return sum(self.values())


def _counter_eq(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return all(self[e] == other[e] for c in (self, other) for e in c)

def _counter_ne(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return not self == other

def _counter_le(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return all(self[e] <= other[e] for c in (self, other) for e in c)

def _counter_lt(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return self <= other and self != other

def _counter_ge(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return all(self[e] >= other[e] for c in (self, other) for e in c)

def _counter_gt(self, other):
    if not isinstance(other, Counter):
        return NotImplemented
    return self >= other and self != other


if _V >= (3, 9):
    defaultdict.__or__ = _dict_or
    defaultdict.__ror__ = _defaultdict_ror
    OrderedDict.__or__ = _dict_or
    OrderedDict.__ror__ = _ordereddict_ror

if _V >= (3, 10):
    # Counter.total, and the multiset comparisons (missing counts are 0).
    Counter.total = _counter_total
    Counter.__eq__ = _counter_eq
    Counter.__ne__ = _counter_ne
    Counter.__le__ = _counter_le
    Counter.__lt__ = _counter_lt
    Counter.__ge__ = _counter_ge
    Counter.__gt__ = _counter_gt


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
