"""Enumerations: Enum, IntEnum, StrEnum (3.11+), auto, unique, with the
str(), repr() and format() of each version (they changed in 3.11 and 3.12).

asim's own code, written after the behaviour of CPython's Lib/enum.py: the
members are made by the metaclass when the class statement ends. Flag and
IntFlag are not modelled."""
import sys

_V = sys.version_info[:2]


class auto:
    """A member value chosen by _generate_next_value_."""

    def __init__(self):
        self.value = None

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_descriptor(value):
    # The checks that need no __get__ first: asim's functions, classmethods,
    # staticmethods and properties lack the one CPython's have.
    return (callable(value) or isinstance(value, (classmethod, staticmethod, property))
            or hasattr(value, '__get__') or hasattr(value, '__set__'))


class EnumMeta(type):
    """Makes each enum's members, and serves iteration, len, [] and calls."""

    def __init__(cls, name, bases, namespace):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        mixin = _mixin_of(cls)
        if mixin is not None:
            _keep_enum_methods(cls, namespace, mixin)
        if _defining_base:
            return
        for base in bases:
            if getattr(base, '_member_names_', None):
                raise TypeError("%s: cannot extend %r" % (name, base)
                                if _V >= (3, 12) else "Cannot extend enumerations")
        init = _own_init(cls)
        last_values = []
        for key, value in namespace.items():
            if key.startswith('_') or _is_descriptor(value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(cls._member_names_), last_values[:])
            if key in cls._member_map_:
                raise TypeError("Attempted to reuse key: %r" % key)
            last_values.append(value)
            existing = cls._value2member_map_.get(value) if _hashable(value) else None
            if existing is not None:
                setattr(cls, key, existing)
                cls._member_map_[key] = existing
                continue
            args = value if isinstance(value, tuple) else (value,)
            # A member of an int/str/float enum is an instance of that type too.
            member = mixin.__new__(cls, *args) if mixin is not None else object.__new__(cls)
            member._name_ = key
            member._value_ = mixin(*args) if mixin is not None else value
            if init is not None:
                init(member, *args)
            cls._member_names_.append(key)
            cls._member_map_[key] = member
            if _hashable(value):
                cls._value2member_map_[value] = member
            setattr(cls, key, member)

    def __call__(cls, value):
        if not cls._member_names_ and not cls._member_map_:
            raise TypeError("%s() takes no arguments" % cls.__name__ if False else
                            "EnumMeta.__call__() missing 1 required positional argument: 'value'")
        if isinstance(value, cls):
            return value
        member = cls._value2member_map_.get(value) if _hashable(value) else None
        if member is None:
            for candidate in cls._member_map_.values():
                if candidate._value_ == value:
                    return candidate
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        return member

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        if _V >= (3, 12):
            return any(m._value_ == member for m in cls._member_map_.values())
        if _V >= (3, 8) and not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, type(cls).__qualname__))
        return False

    def __bool__(cls):
        return True

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


if _V >= (3, 11):
    EnumType = EnumMeta


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _mixin_of(cls):
    for klass in cls.__mro__:
        if klass in (int, str, float):
            return klass
    return None


def _keep_enum_methods(cls, namespace, mixin):
    # The mixin type comes before Enum in the MRO: where the class would show
    # the mixin's (or object's) repr, str or format, Enum's is put back.
    for name in ('__repr__', '__str__', '__format__'):
        if name in namespace:
            continue
        found = getattr(cls, name, None)
        if found is getattr(mixin, name, None) or found is getattr(object, name, None):
            setattr(cls, name, getattr(Enum, name))


def _own_init(cls):
    for klass in cls.__mro__:
        if klass in (Enum, object) or klass.__module__ == 'enum':
            return None
        if '__init__' in klass.__dict__:
            return klass.__dict__['__init__']
    return None


_defining_base = True


class Enum(metaclass=EnumMeta):
    """Enum: a class whose attributes are its members."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                continue
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        mixin = _mixin_of(type(self))
        if mixin is not None and (_V < (3, 12) or type(self).__str__ is not Enum.__str__
                                  and type(self).__str__ is not _ReprEnum_str):
            return format(self._value_, spec)
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


def _ReprEnum_str(self):
    return str(self._value_)


class IntEnum(int, Enum):
    """Members that are ints too."""

    def __format__(self, spec):
        return format(self._value_, spec)


if _V >= (3, 11):
    IntEnum.__str__ = _ReprEnum_str

    class StrEnum(str, Enum):
        """Members that are strings too; auto() gives the lower-cased name."""

        @staticmethod
        def _generate_next_value_(name, start, count, last_values):
            return name.lower()

        def __str__(self):
            return self._value_

        def __format__(self, spec):
            return format(self._value_, spec)

        def __hash__(self):
            return hash(self._value_)

    StrEnum.__str__ = _ReprEnum_str

_defining_base = False


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration._member_map_.items()
                  if name != member._name_]
    if duplicates:
        shown = ', '.join('%s -> %s' % pair for pair in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, shown))
    return enumeration
