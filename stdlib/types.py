# types (asim's own library module): the types of the interpreter's objects,
# taken from objects of each kind as CPython's types.py takes them, and
# SimpleNamespace, and coroutine. Any other name (new_class, ...) stops the run
# as not modelled rather than raise an AttributeError CPython would not.
import sys

import _asimlib


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class SimpleNamespace:
    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = ("%s=%r" % (k, v) for k, v in self.__dict__.items())
        return "%s(%s)" % ("namespace" if type(self) is SimpleNamespace else type(self).__name__, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


if sys.version_info >= (3, 9):
    GenericAlias = type(list[int])

if sys.version_info >= (3, 10):
    NoneType = type(None)
    EllipsisType = type(...)
    NotImplementedType = type(NotImplemented)



class mappingproxy:
    """A read-only view of a mapping (CPython's mappingproxy, descrobject.c)."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    # str() is the mapping's own, repr() names the proxy.
    def __str__(self):
        return str(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    if sys.version_info >= (3, 9):
        def __reversed__(self):
            return reversed(self._mapping)

        def __or__(self, other):
            if isinstance(other, mappingproxy):
                other = other._mapping
            return dict(self._mapping) | other if isinstance(other, dict) else NotImplemented

        def __ror__(self, other):
            return other | dict(self._mapping) if isinstance(other, dict) else NotImplemented

    if sys.version_info >= (3, 12):
        def __hash__(self):
            return hash(self._mapping)


MappingProxyType = mappingproxy

del sys, _f, _C, _g, _c, _ag


class _GeneratorWrapper:
    # What a function types.coroutine wrapped returns in place of a plain
    # generator: the generator still, and awaitable.
    def __init__(self, gen):
        self.__gen = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, value):
        return self.__gen.send(value)

    def throw(self, typ, *rest):
        return self.__gen.throw(typ, *rest)

    def close(self):
        return self.__gen.close()

    def __next__(self):
        return next(self.__gen)

    def __iter__(self):
        return self.__gen if type(self.__gen) is GeneratorType else self

    __await__ = __iter__


def _is_generator(obj):
    # collections.abc.Generator's test: a generator, or an object with the
    # generator protocol's methods.
    return type(obj) is GeneratorType or all(
        hasattr(obj, name) for name in ('__iter__', '__next__', 'send', 'throw', 'close'))


def coroutine(func):
    # A generator function's generators become awaitable; another callable
    # is wrapped so that a generator it returns is.
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if _asimlib.iterable_coroutine(func):
        return func
    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is CoroutineType or not _is_generator(result) or hasattr(result, '__await__'):
            return result
        return _GeneratorWrapper(result)
    return wrapped


def __getattr__(name):
    _asimlib.unsupported("types." + name, "asim's types module has the types of its objects only")
