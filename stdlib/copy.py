"""Shallow and deep copies: copy(x), deepcopy(x, memo=None), replace (3.13+).

asim's own code, written after the behaviour of CPython's Lib/copy.py: a
class's __copy__ or __deepcopy__ first, else the object rebuilt from what
its __reduce_ex__(4) gives (for a class of the program, from the class and
its instance state, as object.__reduce_ex__ does). Objects of asim's native
types that CPython would pickle through C code of its own (tasks, futures,
generators, locks...) stop the run as not modelled."""
import sys
import types
import _asimlib

_V = sys.version_info[:2]

__all__ = ["Error", "copy", "deepcopy"] + (["replace"] if _V >= (3, 13) else [])


class Error(Exception):
    pass


error = Error

_NoneType = type(None)
_FunctionType = types.FunctionType
_BuiltinFunctionType = types.BuiltinFunctionType
_MethodType = types.MethodType

# What a copy gives back unchanged: the immutable builtins (copy's
# _copy_immutable) and, for deepcopy, the atomic ones (_deepcopy_atomic;
# range joined them in 3.10, before it was rebuilt from its reduction).
_IMMUTABLE = {_NoneType, int, float, bool, complex, str, tuple, bytes, frozenset, type,
              range, slice, property, _BuiltinFunctionType, type(Ellipsis),
              type(NotImplemented), _FunctionType}
_ATOMIC = {_NoneType, int, float, bool, complex, bytes, str, type, type(Ellipsis),
           type(NotImplemented), _FunctionType, _BuiltinFunctionType, property}
if _V >= (3, 10):
    _ATOMIC.add(range)

# The builtin bases whose subclasses object.__reduce_ex__ knows how to
# rebuild: the value comes back through __new__'s arguments (__getnewargs__)
# for the immutable ones, through items appended or set for the containers.
_NEWARGS_BASES = (tuple, int, float, str, bytes)
# The modules whose classes asim writes in C++: their objects' state is
# not in attributes copy could see.
_NATIVE_MODULES = ("builtins", "asyncio", "_asyncio", "random", "contextvars", "_contextvars", "time", "sys")
_ANY_BASES = (object, list, dict, set, frozenset) + _NEWARGS_BASES


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _IMMUTABLE:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        y = x
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is _MethodType:
        y = type(x)(x.__func__, deepcopy(x.__self__, memo))
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # A copy that is the object itself is not remembered (deepcopy's
    # "If is its own copy, don't memoize").
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # The tuple may have been copied while copying its items (a cycle
    # through a list in it).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _keep_alive(x, memo):
    # The originals stay referenced from the memo while it lives, so that no
    # id in it is reused (CPython keeps them under the memo's own id).
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _own(cls, name):
    # The class in cls's MRO, other than object, that defines `name`.
    for klass in cls.__mro__:
        if klass is object:
            return None
        if name in klass.__dict__:
            return klass
    return None


def _reduce(x, cls, depth):
    if _own(cls, "__reduce_ex__") is not None:
        return x.__reduce_ex__(4)
    if _own(cls, "__reduce__") is not None:
        return x.__reduce__()
    return _object_reduce(x, cls, depth)


def _object_reduce(x, cls, depth):
    # object.__reduce_ex__(4) for an instance of a class of the program
    # (or of a library module written in Python): (copyreg.__newobj__,
    # (cls, *newargs), state, listitems, dictitems), with __newobj__
    # being cls.__new__(cls, *newargs).
    if issubclass(cls, BaseException):
        # BaseException.__reduce__: the class called with the arguments,
        # the instance's attributes as the state.
        return (cls, x.args, x.__dict__ or None)
    for klass in cls.__mro__:
        if klass in _ANY_BASES:
            continue
        if klass.__module__ in _NATIVE_MODULES or klass.__module__.startswith("asyncio."):
            _asimlib.unsupported("copy.%s() of a %s object" % ("deepcopy" if depth == "deep" else "copy",
                                                               cls.__name__),
                                 "asim copies only objects of Python classes and of the builtin "
                                 "containers")
    if _own(cls, "__getnewargs_ex__") is not None:
        args, kwargs = x.__getnewargs_ex__()
        if kwargs:
            _asimlib.unsupported("copy of an object whose __getnewargs_ex__ gives keywords",
                                 "copyreg.__newobj_ex__ is not modelled")
    elif _own(cls, "__getnewargs__") is not None:
        args = x.__getnewargs__()
    elif isinstance(x, _NEWARGS_BASES):
        args = (_NEWARGS_BASES[[isinstance(x, b) for b in _NEWARGS_BASES].index(True)](x),)
    else:
        args = ()
    if _own(cls, "__getstate__") is not None:
        state = x.__getstate__()
    else:
        state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if isinstance(x, (set, frozenset)):
        # set.__reduce__ gives the items as the argument of the class.
        return (cls, (list(x),), state)
    return (_newobj, (cls,) + tuple(args), state, listitems, dictitems)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _default_state(x, cls):
    # The instance dict (None without one, or when it is empty since 3.11's
    # object.__getstate__), then the values of the set __slots__, if any.
    state = getattr(x, "__dict__", None)
    if state is not None and not state and _V >= (3, 11):
        state = None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


def _update_dict(y, state):
    # y.__dict__.update(state); the __dict__ asim gives an object of a
    # builtin's subclass is a copy, so the attributes are set one by one.
    d = y.__dict__
    if d is y.__dict__:
        d.update(state)
    else:
        for key, value in state.items():
            object.__setattr__(y, key, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                _update_dict(y, state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


if _V >= (3, 13):
    def replace(obj, **changes):
        """A new object with the given fields replaced, by its __replace__."""
        cls = obj.__class__
        func = getattr(cls, "__replace__", None)
        if func is None:
            raise TypeError("replace() does not support %s objects" % cls.__name__)
        return func(obj, **changes)
