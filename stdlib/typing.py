"""Type hints: every public name of CPython's typing module that programs
import, usable and subscriptable in annotations, printed as CPython prints
it (typing.List[int], typing.Optional[str], ~T).

asim's own code, written after the behaviour of CPython's Lib/typing.py. The
aliases are plain objects here: isinstance() checks against them are not
modelled."""
import sys

import _asimlib

_V = sys.version_info[:2]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None:
        return 'NoneType'
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(t) for t in obj)
    if callable(obj) and hasattr(obj, '__qualname__') and not isinstance(obj, _Final):
        return obj.__qualname__
    return repr(obj)


def _params(parameters):
    return parameters if isinstance(parameters, tuple) else (parameters,)


class _Final:
    """Objects of the typing module itself."""


class _SpecialForm(_Final):
    """Any, NoReturn, ClassVar, Final, Union, Optional, Literal...: typing.NAME."""

    def __init__(self, name, subscript=None):
        self._name = name
        self._subscript = subscript

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if _V >= (3, 11) and self._name == 'Any':
            raise TypeError("Any cannot be instantiated")
        raise TypeError("Cannot instantiate %r" % self)

    def __getitem__(self, parameters):
        if self._subscript is None:
            raise TypeError("%r is not subscriptable" % self)
        return self._subscript(self, parameters)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    """NAME[args]: what subscribing a typing name (or a Generic class) gives."""

    def __init__(self, origin, args, name=None, shown=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._shown = shown

    def __repr__(self):
        if self._shown is not None:
            head = self._shown
        elif self._name is not None:
            head = 'typing.' + self._name
        else:
            head = _type_repr(self.__origin__)
        if not self.__args__:
            return head + '[()]'
        return '%s[%s]' % (head, ', '.join(_type_repr(a) for a in self.__args__))

    def __getattr__(self, attr):
        # 3.10+ name the alias after its typing name or its origin; other
        # names, but dunder ones, are the origin's.
        if _V >= (3, 10) and attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __getitem__(self, parameters):
        # A generic alias filled in further: its type variables replaced in order.
        values = list(_params(parameters))
        args = []
        for arg in self.__args__:
            if isinstance(arg, TypeVar) and values:
                args.append(values.pop(0))
            else:
                args.append(arg)
        return _GenericAlias(self.__origin__, tuple(args), self._name, self._shown)

    def __call__(self, *args, **kwargs):
        if not callable(self.__origin__) or isinstance(self.__origin__, _Final):
            raise TypeError("Type %s cannot be instantiated" % self._name)
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        origin = self.__origin__
        return (origin,) if isinstance(origin, type) else ()


class _Generic(_Final):
    """List, Dict, Callable, Awaitable...: typing.NAME, and NAME[args]."""

    def __init__(self, name, origin, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        return _GenericAlias(self.__origin__, _params(parameters), self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type %s cannot be instantiated; use %s() instead"
                        % (self._name, getattr(self.__origin__, '__name__', self._name).lower()))

    def __mro_entries__(self, bases):
        origin = self.__origin__
        return (origin,) if isinstance(origin, type) else ()


class _CallableGeneric(_Generic):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple) or len(parameters) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = parameters
        if args is ...:
            return _GenericAlias(self.__origin__, (..., result), self._name)
        if not isinstance(args, list):
            raise TypeError("Callable[args, result]: args must be a list. Got %s" % _type_repr(args))
        return _CallableAlias(self.__origin__, tuple(args) + (result,), self._name)


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__[:-1]
        return 'typing.%s[[%s], %s]' % (self._name, ', '.join(_type_repr(a) for a in args),
                                         _type_repr(self.__args__[-1]))


class _TupleGeneric(_Generic):
    def __getitem__(self, parameters):
        if parameters == ():
            return _GenericAlias(tuple, (), self._name)
        return _GenericAlias(tuple, _params(parameters), self._name)


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if _V >= (3, 9) and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)


def _union(form, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in _params(parameters):
        p = type(None) if p is None else p
        members = p.__args__ if isinstance(p, _UnionAlias) else (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(form, tuple(flat), 'Union')


def _optional(form, parameter):
    return Union[parameter, None]


def _wrap(form, parameters):
    return _GenericAlias(form, _params(parameters), form._name)


def _literal(form, parameters):
    return _LiteralAlias(form, _params(parameters), 'Literal')


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
ClassVar = _SpecialForm('ClassVar', _wrap)
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
if _V >= (3, 8):
    Final = _SpecialForm('Final', _wrap)
    Literal = _SpecialForm('Literal', _literal)
if _V >= (3, 10):
    TypeAlias = _SpecialForm('TypeAlias')
    Concatenate = _SpecialForm('Concatenate', _wrap)
    TypeGuard = _SpecialForm('TypeGuard', _wrap)
if _V >= (3, 11):
    Never = _SpecialForm('Never')
    Self = _SpecialForm('Self')
    LiteralString = _SpecialForm('LiteralString')
    Required = _SpecialForm('Required', _wrap)
    NotRequired = _SpecialForm('NotRequired', _wrap)
if _V >= (3, 13):
    ReadOnly = _SpecialForm('ReadOnly', _wrap)
    TypeIs = _SpecialForm('TypeIs', _wrap)


class TypeVar(_Final):
    """TypeVar('T', *constraints, bound=None, covariant=False, contravariant=False)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


try:
    AnyStr = TypeVar('AnyStr', bytes, str)
except NameError:  # an asim without the bytes type
    AnyStr = TypeVar('AnyStr', str, str)


class Generic:
    """A class generic in type variables: class Stack(Generic[T])."""

    def __class_getitem__(cls, params):
        if cls is Generic:
            return _GenericAlias(Generic, _params(params), shown='typing.Generic')
        return _GenericAlias(cls, _params(params))


# What a protocol class holds that is no member of the protocol
# (typing._SPECIAL_NAMES and the bookkeeping).
_NOT_MEMBERS = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__', '__new__',
    '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__', '__qualname__', '__parameters__',
    '__orig_bases__', '__init_subclass__', '__firstlineno__', '__static_attributes__', '__hash__', '__eq__',
    '_is_protocol', '_is_runtime_protocol',
})


def _protocol_members(cls):
    members = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic') and base.__module__ == 'typing':
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        members.update(n for n in names if n not in _NOT_MEMBERS and not n.startswith('_abc_'))
    return members


class _ProtocolMeta(type):
    # _ProtocolMeta.__instancecheck__: a runtime-checkable protocol takes any
    # object that has its members; a class deriving from the protocol
    # without being one checks as any class does.
    def __instancecheck__(cls, instance):
        if cls in type(instance).__mro__:
            return True
        if not cls.__dict__.get('_is_protocol', False):
            return False
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        for name in _protocol_members(cls):
            if not hasattr(instance, name):
                return False
            if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                return False
        return True


if _V >= (3, 8):
    class Protocol(Generic, metaclass=_ProtocolMeta):
        """A structural type: class Closeable(Protocol)."""
        _is_protocol = True

        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            if '_is_protocol' not in cls.__dict__:
                cls._is_protocol = any(b is Protocol or b.__dict__.get('_is_protocol', False) for b in cls.__bases__)

    def runtime_checkable(cls):
        if not cls.__dict__.get('_is_protocol', False):
            raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
        cls._is_runtime_protocol = True
        return cls


List = _Generic('List', list)
Dict = _Generic('Dict', dict)
Set = _Generic('Set', set)
FrozenSet = _Generic('FrozenSet', frozenset)
Tuple = _TupleGeneric('Tuple', tuple)
Type = _Generic('Type', type)
Callable = _CallableGeneric('Callable', None)
DefaultDict = _Generic('DefaultDict', None)
OrderedDict = _Generic('OrderedDict', None)
Counter = _Generic('Counter', None)
Deque = _Generic('Deque', None)
ChainMap = _Generic('ChainMap', None)
Awaitable = _Generic('Awaitable', None)
Coroutine = _Generic('Coroutine', None)
AsyncIterable = _Generic('AsyncIterable', None)
AsyncIterator = _Generic('AsyncIterator', None)
AsyncGenerator = _Generic('AsyncGenerator', None)
Iterable = _Generic('Iterable', None)
Iterator = _Generic('Iterator', None)
Generator = _Generic('Generator', None)
Reversible = _Generic('Reversible', None)
Container = _Generic('Container', None)
Collection = _Generic('Collection', None)
Hashable = _Generic('Hashable', None)
Sized = _Generic('Sized', None)
Sequence = _Generic('Sequence', None)
MutableSequence = _Generic('MutableSequence', None)
Mapping = _Generic('Mapping', None)
MutableMapping = _Generic('MutableMapping', None)
AbstractSet = _Generic('AbstractSet', None)
MutableSet = _Generic('MutableSet', None)
MappingView = _Generic('MappingView', None)
KeysView = _Generic('KeysView', None)
ItemsView = _Generic('ItemsView', None)
ValuesView = _Generic('ValuesView', None)
ContextManager = _Generic('ContextManager', None)
AsyncContextManager = _Generic('AsyncContextManager', None)
Pattern = _Generic('Pattern', None)
Match = _Generic('Match', None)
IO = _Generic('IO', None)
TextIO = _Generic('TextIO', None)
BinaryIO = _Generic('BinaryIO', None)
SupportsInt = _Generic('SupportsInt', None)
SupportsFloat = _Generic('SupportsFloat', None)
SupportsAbs = _Generic('SupportsAbs', None)
SupportsRound = _Generic('SupportsRound', None)
if _V >= (3, 8):
    SupportsIndex = _Generic('SupportsIndex', None)
Text = str


def cast(typ, val):
    return val


def overload(func):
    return func


def no_type_check(arg):
    return arg


def final(f):
    return f


def _hint(value):
    # CPython evaluates a string hint (a forward reference) with eval(),
    # which asim does not model.
    if isinstance(value, str):
        _asimlib.unsupported("typing.get_type_hints of the string annotation %r" % value,
                             "asim does not evaluate source text (no eval)")
    return type(None) if value is None else value


def get_type_hints(obj, globalns=None, localns=None):
    # typing.get_type_hints: a class merges its bases' annotations (the most
    # derived last); None means NoneType; up to 3.10 a parameter whose
    # default is None becomes Optional.
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            for name, value in base.__dict__.get('__annotations__', {}).items():
                hints[name] = _hint(value)
        return hints
    hints = {}
    defaults = _asimlib.parameter_defaults(obj) if _V < (3, 11) else {}
    for name, value in getattr(obj, '__annotations__', {}).items():
        value = _hint(value)
        if name in defaults and defaults[name] is None:
            value = Optional[value]
        hints[name] = value
    return hints


if _V >= (3, 8):
    def get_origin(tp):
        return getattr(tp, '__origin__', None) if isinstance(tp, _GenericAlias) else None

    def get_args(tp):
        return tuple(getattr(tp, '__args__', ())) if isinstance(tp, _GenericAlias) else ()


if _V >= (3, 11):
    def assert_never(arg):
        raise AssertionError("Expected code to be unreachable, but got: %r" % (arg,))

    def reveal_type(obj):
        print("Runtime type is %r" % type(obj).__name__, file=sys.stderr)
        return obj

    def assert_type(val, typ):
        return val


if _V >= (3, 12):
    def override(method):
        return method


class _NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp

    def __repr__(self):
        return '__main__.%s' % self.__name__

    def __call__(self, x):
        return x


def NewType(name, tp):
    if _V >= (3, 10):
        return _NewType(name, tp)

    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


class NamedTuple(tuple):
    """class Point(NamedTuple): x: int; y: int = 0 — a collections.namedtuple
    (here the class stays in the MRO, between Point and tuple)."""

    __slots__ = ()

    def __init_subclass__(cls):
        import collections
        namespace = cls.__dict__
        fields = list(namespace.get('__annotations__', {}))
        defaults = [namespace[f] for f in fields if f in namespace]
        collections._fill_namedtuple(cls, cls.__name__, fields, defaults)


if _V >= (3, 8):
    class TypedDict:
        """class Movie(TypedDict): name: str — calling it makes a plain dict."""

        def __new__(cls, *args, **kwargs):
            return dict(*args, **kwargs)
