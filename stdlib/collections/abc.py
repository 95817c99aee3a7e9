"""The abstract base classes of containers and async objects (Awaitable,
Coroutine, AsyncIterator, Iterable, Mapping, ...): isinstance() answers by
the methods an object has, as CPython's __subclasshook__ checks do, and
each is subscriptable from 3.9 (collections.abc.Awaitable[int]).

asim's own code, written after the behaviour of CPython's
Lib/_collections_abc.py. Registering classes (register) is not modelled."""
import sys

_V = sys.version_info[:2]


class _ABCMeta(type):
    def __instancecheck__(cls, instance):
        kind = type(instance)
        if kind in cls._builtins or kind.__name__ in cls._builtin_names:
            return True
        if cls._needs is None or kind.__module__ == 'builtins':
            return False
        return all(hasattr(kind, name) for name in cls._needs)


class _Alias:
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        def show(arg):
            if isinstance(arg, type):
                return arg.__qualname__ if arg.__module__ == 'builtins' else arg.__module__ + '.' + arg.__qualname__
            if arg is ...:
                return '...'
            if isinstance(arg, list):
                return '[%s]' % ', '.join(show(a) for a in arg)
            return repr(arg)
        return 'collections.abc.%s[%s]' % (self.__origin__.__name__, ', '.join(show(a) for a in self.__args__))


class _ABC(metaclass=_ABCMeta):
    _needs = None
    _builtins = ()  # the builtin classes that are registered with it
    _builtin_names = ()  # ... and those that have no builtin name

    def __class_getitem__(cls, params):
        if _V < (3, 9):
            raise TypeError("'ABCMeta' object is not subscriptable")
        return _Alias(cls, params if isinstance(params, tuple) else (params,))


class Hashable(_ABC):
    _needs = ('__hash__',)
    _builtins = (int, float, str, bool, tuple, frozenset, type(None))


class Awaitable(_ABC):
    _needs = ('__await__',)
    _builtin_names = ('coroutine',)


class Coroutine(Awaitable):
    _needs = ('send', 'throw', 'close', '__await__')
    _builtin_names = ('coroutine',)


class AsyncIterable(_ABC):
    _needs = ('__aiter__',)
    _builtin_names = ('async_generator',)


class AsyncIterator(AsyncIterable):
    _needs = ('__aiter__', '__anext__')
    _builtin_names = ('async_generator',)


class AsyncGenerator(AsyncIterator):
    _needs = ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')
    _builtin_names = ('async_generator',)


class Iterable(_ABC):
    _needs = ('__iter__',)
    _builtins = (list, tuple, str, dict, set, frozenset, range)
    _builtin_names = ('generator', 'list_iterator', 'tuple_iterator', 'dict_keyiterator', 'range_iterator')


class Iterator(Iterable):
    _needs = ('__iter__', '__next__')
    _builtin_names = ('generator', 'list_iterator', 'tuple_iterator', 'dict_keyiterator', 'range_iterator')


class Reversible(Iterable):
    _needs = ('__reversed__', '__iter__')
    _builtins = (list, tuple, str, range)


class Generator(Iterator):
    _needs = ('__iter__', '__next__', 'send', 'throw', 'close')
    _builtin_names = ('generator',)


class Sized(_ABC):
    _needs = ('__len__',)
    _builtins = (list, tuple, str, dict, set, frozenset, range)


class Container(_ABC):
    _needs = ('__contains__',)
    _builtins = (list, tuple, str, dict, set, frozenset, range)


class Collection(Sized, Iterable, Container):
    _needs = ('__len__', '__iter__', '__contains__')
    _builtins = (list, tuple, str, dict, set, frozenset, range)


class Callable(_ABC):
    _needs = ('__call__',)
    _builtins = (type,)
    _builtin_names = ('function', 'builtin_function_or_method', 'method')


class Set(Collection):
    _needs = ('__len__', '__iter__', '__contains__', 'isdisjoint')
    _builtins = (set, frozenset)


class MutableSet(Set):
    _needs = ('__len__', '__iter__', '__contains__', 'add', 'discard')
    _builtins = (set,)


class Mapping(Collection):
    _needs = ('__getitem__', '__len__', '__iter__', 'keys', 'items', 'values', 'get')
    _builtins = (dict,)


class MutableMapping(Mapping):
    _needs = ('__getitem__', '__setitem__', '__delitem__', '__len__', '__iter__', 'keys', 'items', 'pop')
    _builtins = (dict,)


class MappingView(Sized):
    pass


class KeysView(MappingView, Set):
    pass


class ItemsView(MappingView, Set):
    pass


class ValuesView(MappingView, Collection):
    pass


class Sequence(Reversible, Collection):
    _needs = ('__getitem__', '__len__', 'index', 'count')
    _builtins = (list, tuple, str, range)


class MutableSequence(Sequence):
    _needs = ('__getitem__', '__setitem__', '__len__', 'insert', 'append')
    _builtins = (list,)
