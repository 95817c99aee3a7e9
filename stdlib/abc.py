"""Abstract base classes: ABCMeta, ABC, abstractmethod and register().

asim's own code, written after the behaviour of CPython's Lib/abc.py and
Lib/_py_abc.py. ABCMeta computes __abstractmethods__ when it makes a class;
refusing to instantiate a class whose set is not empty is object.__new__'s
part, done natively as in CPython, so a traceback shows no frame of this
module."""
import sys

_V = sys.version_info[:2]


def abstractmethod(funcobj):
    """Marks a method abstract: a class with one left unimplemented has no
    instances."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _abstract_names(cls, namespace, bases):
    """The names still abstract in cls: its own abstract attributes, and its
    bases' abstract names that cls does not implement (compute_abstract_methods)."""
    names = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                names.add(name)
    return frozenset(names)


class ABCMeta(type):
    """The metaclass of abstract base classes: computes __abstractmethods__
    and keeps the virtual subclasses register() adds."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace, bases)
        cls._abc_registry = []
        return cls

    def register(cls, subclass):
        """Registers a virtual subclass: isinstance() and issubclass() answer
        True for it, though it inherits nothing."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        hook = cls.__subclasshook__(subclass)
        if hook is not NotImplemented:
            return bool(hook)
        if cls in subclass.__mro__:
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        return False

    def __subclasshook__(cls, subclass):
        return NotImplemented


class ABC(metaclass=ABCMeta):
    """A class to derive from instead of naming metaclass=ABCMeta."""
    __slots__ = ()


def get_cache_token():
    return 0


if _V >= (3, 10):
    def update_abstractmethods(cls):
        """Recomputes cls.__abstractmethods__ after methods were added to it."""
        if not hasattr(cls, "__abstractmethods__"):
            return cls
        namespace = dict(cls.__dict__) if hasattr(cls, "__dict__") else {}
        cls.__abstractmethods__ = _abstract_names(cls, namespace, cls.__bases__)
        return cls
