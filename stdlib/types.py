# types (asim's own library module): the types of the interpreter's objects,
# taken from objects of each kind as CPython's types.py takes them, and
# SimpleNamespace. Any other name (coroutine, new_class, ...) stops the run
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

del sys, _f, _C, _g, _c, _ag


def __getattr__(name):
    _asimlib.unsupported("types." + name, "asim's types module has the types of its objects only")
