"""Enumerations: Enum, IntEnum, StrEnum (3.11+), auto, unique, with the
str(), repr() and format() of each version (they changed in 3.11 and 3.12).

asim's own code, written after the behaviour of CPython's Lib/enum.py: the
members are made by the metaclass when the class statement ends. Flag and
IntFlag are not modelled."""
import sys
import types

import _asimlib

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
        if _defined_flag and issubclass(cls, Flag):
            _flag_masks(cls)

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
            found = cls._missing_(value)
            if isinstance(found, cls):
                return found
            if found is not None:
                raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                                % (cls.__name__, found))
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
        if _V >= (3, 11) and _defined_flag and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        # 3.7 kept the members in an OrderedDict.
        if _V < (3, 8):
            from collections import OrderedDict
            return types.MappingProxyType(OrderedDict(cls._member_map_))
        return types.MappingProxyType(cls._member_map_)


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
            setattr(cls, name, getattr(_enum_base(cls, mixin), name))


def _enum_base(cls, mixin):
    # The first enum class after the mixin in the MRO (Enum, or Flag for
    # IntFlag), whose methods the mixin's would hide.
    mro = cls.__mro__
    for klass in mro[mro.index(mixin) + 1:]:
        if isinstance(klass, EnumMeta):
            return klass
    return Enum


def _own_init(cls):
    for klass in cls.__mro__:
        if klass in (Enum, object) or klass.__module__ == 'enum':
            return None
        if '__init__' in klass.__dict__:
            return klass.__dict__['__init__']
    return None


_defining_base = True
_defined_flag = False


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

    @classmethod
    def _missing_(cls, value):
        return None

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



def _high_bit(value):
    return value.bit_length() - 1


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _flag_masks(cls):
    # 3.11+: the bits of the members (_flag_mask_), of the single-bit ones
    # (_singles_mask_), and every bit up to the highest; only single-bit
    # members are iterated and counted, the others are aliases.
    flag_mask = singles_mask = 0
    for name in cls._member_names_:
        value = cls._member_map_[name]._value_
        flag_mask |= value
        if _is_single_bit(value):
            singles_mask |= value
    cls._flag_mask_ = flag_mask
    cls._singles_mask_ = singles_mask
    cls._all_bits_ = 2 ** flag_mask.bit_length() - 1
    if _V >= (3, 11):
        cls._member_names_ = [name for name in cls._member_names_
                              if _is_single_bit(cls._member_map_[name]._value_)]


def _bin(value, width):
    # enum.bin of 3.11+: '0b', the sign bit, a space, the bits padded to width.
    if value < 0:
        _asimlib.unsupported("a negative Flag value in an error message", "not modelled")
    digits = format(value, 'b')
    return '0b0 ' + digits.rjust(width, '0')


def _decompose(flag, value):
    # 3.7-3.10: the members whose bits the value holds, highest first (named
    # ones, and the power-of-two pseudo-members for a positive value), and
    # the bits none of them covers.
    not_covered = value
    candidates = [(m, v) for v, m in list(flag._value2member_map_.items())
                  if m._name_ is not None or (value >= 0 and _is_single_bit(v))]
    members = []
    for member, member_value in candidates:
        if member_value and member_value & value == member_value:
            members.append(member)
            not_covered &= ~member_value
    if not members and value in flag._value2member_map_:
        members.append(flag._value2member_map_[value])
    members.sort(key=lambda m: m._value_, reverse=True)
    if len(members) > 1 and members[0]._value_ == value:
        members.pop(0)
    return members, not_covered


def _new_pseudo_member(cls, value, name):
    member = int.__new__(cls, value) if issubclass(cls, int) else object.__new__(cls)
    member._name_ = name
    member._value_ = value
    return cls._value2member_map_.setdefault(value, member)


class Flag(Enum):
    """Members whose values are bits, combined with |, & , ^ and ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values) if _V >= (3, 11) else last_values[-1]
        try:
            high_bit = _high_bit(last)
        except Exception:
            raise TypeError(('invalid flag value %r' if _V >= (3, 11) else 'Invalid Flag value: %r')
                            % last) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if _V >= (3, 11):
            return _missing_bits(cls, value)
        original = value
        if value < 0:
            value = ~value
        member = cls._value2member_map_.get(value)
        if member is None:
            extra = _decompose(cls, value)[1]
            if extra:
                raise ValueError("%r is not a valid %s" % (value, cls.__name__))
            member = _new_pseudo_member(cls, value, None)
        if original < 0:
            member = ~member
        return member

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            if _V < (3, 8):
                import warnings
                # The program's line: library frames are skipped (CPython's stacklevel=2).
                warnings.warn("using non-Flags in containment checks will raise TypeError in Python 3.8",
                              DeprecationWarning, stacklevel=1)
                return False
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    if _V >= (3, 11):
        def __iter__(self):
            return iter(_members_of(type(self), self._value_))

        def __len__(self):
            return len(_members_of(type(self), self._value_))

    def __repr__(self):
        cls = type(self)
        if _V >= (3, 11):
            if self._name_ is None:
                return '<%s: %r>' % (cls.__name__, self._value_)
            return '<%s.%s: %r>' % (cls.__name__, self._name_, self._value_)
        if self._name_ is not None:
            return '<%s.%s: %r>' % (cls.__name__, self._name_, self._value_)
        members = _decompose(cls, self._value_)[0]
        return '<%s.%s: %r>' % (cls.__name__, '|'.join([str(m._name_ or m._value_) for m in members]),
                                self._value_)

    def __str__(self):
        cls = type(self)
        if _V >= (3, 11):
            if self._name_ is None:
                return '%s(%r)' % (cls.__name__, self._value_)
            return '%s.%s' % (cls.__name__, self._name_)
        if self._name_ is not None:
            return '%s.%s' % (cls.__name__, self._name_)
        members = _decompose(cls, self._value_)[0]
        if len(members) == 1 and members[0]._name_ is None:
            return '%s.%r' % (cls.__name__, members[0]._value_)
        return '%s.%s' % (cls.__name__, '|'.join([str(m._name_ or m._value_) for m in members]))

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if _V >= (3, 11) and isinstance(self, int) and isinstance(other, int):
            return other
        return NotImplemented

    def __or__(self, other):
        value = self._operand(other)
        if value is NotImplemented:
            return value
        return type(self)(self._value_ | value)

    def __and__(self, other):
        value = self._operand(other)
        if value is NotImplemented:
            return value
        return type(self)(self._value_ & value)

    def __xor__(self, other):
        value = self._operand(other)
        if value is NotImplemented:
            return value
        return type(self)(self._value_ ^ value)

    if _V >= (3, 11):
        __ror__ = __or__
        __rand__ = __and__
        __rxor__ = __xor__

    def __invert__(self):
        cls = type(self)
        if _V >= (3, 11):
            if issubclass(cls, int):
                return cls(~self._value_)
            return cls(cls._singles_mask_ & ~self._value_)
        members = _decompose(cls, self._value_)[0]
        inverted = cls(0)
        for m in cls:
            if m not in members and not (m._value_ & self._value_):
                inverted = inverted | m
        return cls(inverted)


def _members_of(cls, value):
    # 3.11+: the single-bit members the value holds, in definition order.
    return [cls._member_map_[name] for name in cls._member_names_
            if cls._member_map_[name]._value_ & value == cls._member_map_[name]._value_]


def _missing_bits(cls, value):
    # 3.11+'s Flag._missing_: a value with bits outside the members' is
    # refused (STRICT) or kept (KEEP, IntFlag's boundary); a negative one
    # counts from all the bits (KEEP); the name joins the members' names and
    # the unknown bits.
    if not isinstance(value, int):
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
    keep = issubclass(cls, int)
    flag_mask, all_bits = cls._flag_mask_, cls._all_bits_
    neg_value = None
    if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
        if not keep:
            width = max(value.bit_length(), flag_mask.bit_length())
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, _bin(value, width), _bin(flag_mask, width)))
    if value < 0:
        neg_value = value
        value = all_bits + 1 + value
        if value < 0:
            _asimlib.unsupported("IntFlag of a negative value past its bits", "not modelled")
    unknown = value & ~flag_mask
    known = value & flag_mask
    names = [m._name_ for m in _members_of(cls, known)]
    if unknown:
        names.append(repr(unknown))
    member = _new_pseudo_member(cls, value, '|'.join(names) if names else None)
    if neg_value is not None:
        cls._value2member_map_[neg_value] = member
    return member


class IntFlag(int, Flag):
    """Flags that are ints too: any int combines with them."""

    @classmethod
    def _missing_(cls, value):
        if _V >= (3, 11):
            return _missing_bits(cls, value)
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__name__))
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
        # Pseudo-members for each bit no member covers, then the value's.
        needed = [value]
        extra = _decompose(cls, value)[1]
        while extra:
            flag_value = 2 ** _high_bit(extra)
            if flag_value not in cls._value2member_map_ and flag_value not in needed:
                needed.append(flag_value)
            extra = 0 if extra == -flag_value else extra ^ flag_value
        for each in reversed(needed):
            member = _new_pseudo_member(cls, each, None)
        return member

    def __format__(self, spec):
        return format(self._value_, spec)

    if _V < (3, 11):
        def _operand(self, other):
            if not isinstance(other, (type(self), int)):
                return NotImplemented
            return type(self)(other)._value_

        def __invert__(self):
            return type(self)(~self._value_)


# int's operators come first in IntFlag's MRO: Flag's are put back, as
# CPython's class has its own.
for _op, _flag_op in (('__or__', '__or__'), ('__and__', '__and__'), ('__xor__', '__xor__'),
                      ('__ror__', '__or__'), ('__rand__', '__and__'), ('__rxor__', '__xor__')):
    setattr(IntFlag, _op, getattr(Flag, _flag_op))
if _V >= (3, 11):
    IntFlag.__str__ = _ReprEnum_str
    IntFlag.__invert__ = Flag.__invert__

_defining_base = False
_defined_flag = True


def unique(enumeration):
    duplicates = [(name, member._name_) for name, member in enumeration._member_map_.items()
                  if name != member._name_]
    if duplicates:
        shown = ', '.join('%s -> %s' % pair for pair in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, shown))
    return enumeration
