# unittest.mock (asim's own): Mock, MagicMock, AsyncMock, NonCallableMock,
# call, ANY, sentinel, DEFAULT and patch / patch.object, with the
# behaviour tests rely on, written after CPython's documentation of
# unittest.mock: calls recorded (called, call_count, call_args,
# call_args_list, mock_calls, method_calls), children made on attribute
# access, return_value, side_effect (exception, iterable, callable), wraps,
# spec by attribute presence, the assert_* methods with CPython's messages,
# reset_mock. Not modelled (stops the run): autospec, spec_set, seal,
# mock_open, create_autospec, PropertyMock, patch.dict, patch.multiple.
import asyncio
import functools
import sys

import _asimlib

__all__ = ('Mock', 'MagicMock', 'AsyncMock', 'NonCallableMock', 'NonCallableMagicMock', 'patch', 'sentinel',
           'DEFAULT', 'ANY', 'call', 'FILTER_DIR')

FILTER_DIR = True


def _unsupported(what):
    _asimlib.unsupported("unittest.mock." + what, "asim's mock models Mock, MagicMock, AsyncMock, call and patch")


class _Sentinel(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.%s' % self.name


class _SentinelObject(object):
    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        if name == '__bases__':
            raise AttributeError
        return self._sentinels.setdefault(name, _Sentinel(name))


sentinel = _SentinelObject()
DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING


class _ANY(object):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


def _format_args(name, args, kwargs):
    parts = [repr(a) for a in args] + ['%s=%r' % (k, v) for k, v in kwargs.items()]
    return '%s(%s)' % (name, ', '.join(parts))


class _Call(tuple):
    # call(...) / mock.call_args: (name, args, kwargs), compared as
    # (args, kwargs) when either side has no name.
    def __new__(cls, value=(), name='', parent=None, two=False, from_kall=True):
        if len(value) == 3:
            name, args, kwargs = value
        elif len(value) == 2:
            args, kwargs = value
        else:
            args, kwargs = (), {}
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False, from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def _parts(self):
        if len(self) == 2:
            return None, self[0], self[1]
        return self

    def __eq__(self, other):
        try:
            len_other = len(other)
        except TypeError:
            return NotImplemented
        self_name, self_args, self_kwargs = self._parts()
        if len_other == 3:
            other_name, other_args, other_kwargs = other
        elif len_other == 2:
            other_name = None
            first, second = other
            if isinstance(first, str):
                other_name, other_args, other_kwargs = first, second, {}
                if isinstance(second, dict):
                    other_args, other_kwargs = (), second
            else:
                other_args, other_kwargs = first, second
        elif len_other == 1:
            other_name, other_args, other_kwargs = None, other[0], {}
            if isinstance(other[0], dict):
                other_args, other_kwargs = (), other[0]
            elif isinstance(other[0], str):
                other_name, other_args = other[0], ()
        elif len_other == 0:
            other_name, other_args, other_kwargs = None, (), {}
        else:
            return False
        if self._mock_parent is not None and getattr(other, '_mock_parent', None) is not None \
                and self._mock_parent != other._mock_parent:
            return False
        if self_name and other_name and self_name != other_name:
            return False
        return (tuple(self_args), self_kwargs) == (tuple(other_args), other_kwargs)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __call__(self, *args, **kwargs):
        name = self._mock_name
        if name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((name, args, kwargs), name=name, parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self, from_kall=False)

    if sys.version_info >= (3, 8):
        @property
        def args(self):
            return self._parts()[1]

        @property
        def kwargs(self):
            return self._parts()[2]

    def call_list(self):
        return _CallList([self])

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call%s' % name
            return name
        name, args, kwargs = self._parts()
        if not name:
            name = 'call'
        elif not name.startswith('()'):
            name = 'call.%s' % name
        else:
            name = 'call%s' % name
        return _format_args(name, args, kwargs)


call = _Call(from_kall=False)


class _CallList(list):
    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        n = len(value)
        for i in range(0, len(self) - n + 1):
            if self[i:i + n] == value:
                return True
        return False

    def __repr__(self):
        return repr(list(self))


_V = sys.version_info[:2]
# The names a Mock never fakes (misspelt assertions): an AttributeError.
_UNSAFE_PREFIXES = ('assert', 'assret', 'asert', 'aseert', 'assrt') if _V >= (3, 10) else ('assert', 'assret')
# 3.12+: an assert_* method's name without its prefix too.
_ATTRIB_DENY_LIST = frozenset(['any_call', 'called', 'called_once', 'called_once_with', 'called_with', 'has_calls',
                               'not_called']) if _V >= (3, 12) else frozenset()
_ACTUAL = '  Actual' if _V >= (3, 11) else 'Actual'


def _unsafe_message(name):
    if _V >= (3, 10):
        return "%r is not a valid assertion. Use a spec for the mock if %r is meant to be an attribute." % (name,
                                                                                                            name)
    if _V >= (3, 8):
        return "Attributes cannot start with 'assert' or 'assret'"
    return name


class NonCallableMock(object):
    def __init__(self, spec=None, wraps=None, name=None, spec_set=None, parent=None, _new_name='',
                 _new_parent=None, _spec_asyncs=None, unsafe=False, **kwargs):
        if spec_set is not None:
            _unsupported("spec_set")
        # The mock's own state is set past __setattr__ (which names children).
        put = functools.partial(object.__setattr__, self)
        put('_mock_parent', parent)
        put('_mock_name', name)
        put('_mock_new_name', _new_name)
        put('_mock_new_parent', _new_parent)
        put('_mock_wraps', wraps)
        put('_mock_children', {})
        put('_mock_magics', {})
        put('_mock_return_value', DEFAULT)
        put('_mock_side_effect', None)
        put('_mock_unsafe', unsafe)
        put('_spec_class', None)
        put('_spec_obj', None)
        put('_spec_names', None)
        if spec is not None:
            if isinstance(spec, list):
                put('_spec_names', list(spec))
            else:
                put('_spec_obj', spec)
                put('_spec_class', spec if isinstance(spec, type) else type(spec))
        self.called = False
        self.call_count = 0
        self.call_args = None
        self.call_args_list = _CallList()
        self.mock_calls = _CallList()
        self.method_calls = _CallList()
        if kwargs:
            self.configure_mock(**kwargs)

    def configure_mock(self, **kwargs):
        for arg, val in sorted(kwargs.items(), key=lambda entry: entry[0].count('.')):
            args = arg.split('.')
            final = args.pop()
            obj = self
            for entry in args:
                obj = getattr(obj, entry)
            setattr(obj, final, val)

    def _full_name(self):
        # The dotted name repr and assertion messages use: 'mock.a.b()'.
        parts = []
        node = self
        while node is not None:
            name = node._mock_new_name if node._mock_new_name else node._mock_name
            if node._mock_new_parent is None and node._mock_parent is None:
                parts.append(node._mock_name or 'mock')
                break
            parts.append(name or '')
            node = node._mock_new_parent if node._mock_new_parent is not None else node._mock_parent
        text = ''
        for part in reversed(parts):
            if not text:
                text = part
            elif part == '()':
                text += '()'
            else:
                text += '.' + part
        return text

    def __repr__(self):
        name = self._full_name()
        spec = ''
        if self._spec_class is not None:
            spec = ' spec=%r' % self._spec_class.__name__
        return "<%s name='%s'%s id='%d'>" % (type(self).__name__, name, spec, id(self))

    def _get_return_value(self):
        ret = self._mock_return_value
        if ret is DEFAULT:
            ret = self._make_child(_new_name='()', _new_parent=self)
            object.__setattr__(self, '_mock_return_value', ret)
        return ret

    def _set_return_value(self, value):
        object.__setattr__(self, '_mock_return_value', value)
        if isinstance(value, NonCallableMock) and value._mock_parent is None and value._mock_new_parent is None:
            object.__setattr__(value, '_mock_new_parent', self)
            object.__setattr__(value, '_mock_new_name', '()')

    return_value = property(_get_return_value, _set_return_value)

    def _get_side_effect(self):
        return self._mock_side_effect

    def _set_side_effect(self, value):
        if value is not None and not callable(value) and not isinstance(value, BaseException) \
                and not (isinstance(value, type) and issubclass(value, BaseException)):
            value = iter(value)
        object.__setattr__(self, '_mock_side_effect', value)

    side_effect = property(_get_side_effect, _set_side_effect)

    def _make_child(self, **kw):
        klass = type(self)
        if _V >= (3, 8) and isinstance(self, AsyncMock):
            klass = MagicMock
        elif not issubclass(klass, CallableMixin):
            klass = MagicMock if issubclass(klass, NonCallableMagicMock) else Mock
        return klass(**kw)

    def __getattr__(self, name):
        if name.startswith('_mock_') or name.startswith('_spec_'):
            raise AttributeError(name)
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        if not self._mock_unsafe and (name.startswith(_UNSAFE_PREFIXES) or name in _ATTRIB_DENY_LIST):
            raise AttributeError(_unsafe_message(name))
        if self._spec_obj is not None and not hasattr(self._spec_obj, name):
            raise AttributeError("Mock object has no attribute %r" % name)
        if self._spec_names is not None and name not in self._spec_names:
            raise AttributeError("Mock object has no attribute %r" % name)
        children = self._mock_children
        child = children.get(name)
        if child is None:
            wraps = None
            if self._mock_wraps is not None:
                wraps = getattr(self._mock_wraps, name)
            child = self._make_child(parent=self, name=name, wraps=wraps, _new_name=name, _new_parent=self)
            children[name] = child
        return child

    # A mock with a spec passes for an instance of the spec's class
    # (isinstance, and whoever reads __class__).
    @property
    def __class__(self):
        spec_class = object.__getattribute__(self, '_spec_class')
        return type(self) if spec_class is None else spec_class

    def __setattr__(self, name, value):
        if name in ('return_value', 'side_effect'):
            object.__setattr__(self, name, value)
            return
        if name.startswith('__') and name.endswith('__') and name in _MAGIC_NAMES:
            self._mock_magics[name] = value
            return
        if isinstance(value, NonCallableMock) and value._mock_parent is None and value._mock_new_parent is None \
                and value._mock_name is None:
            object.__setattr__(value, '_mock_parent', self)
            object.__setattr__(value, '_mock_name', name)
            object.__setattr__(value, '_mock_new_name', name)
            object.__setattr__(value, '_mock_new_parent', self)
            self._mock_children[name] = value
            return
        self._mock_children.pop(name, None)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self._mock_children:
            del self._mock_children[name]
        else:
            object.__delattr__(self, name)

    def reset_mock(self, visited=None, *, return_value=False, side_effect=False):
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        self.called = False
        self.call_args = None
        self.call_count = 0
        self.mock_calls = _CallList()
        self.call_args_list = _CallList()
        self.method_calls = _CallList()
        if return_value:
            object.__setattr__(self, '_mock_return_value', DEFAULT)
        if side_effect:
            object.__setattr__(self, '_mock_side_effect', None)
        for child in self._mock_children.values():
            child.reset_mock(visited, return_value=return_value, side_effect=side_effect)
        ret = self._mock_return_value
        if isinstance(ret, NonCallableMock) and ret is not self:
            ret.reset_mock(visited)

    def _call_text(self, args, kwargs):
        return _format_args(self._mock_name or 'mock', args, kwargs)

    def assert_called_with(self, *args, **kwargs):
        expected = self._call_text(args, kwargs)
        if self.call_args is None:
            if _V < (3, 8):
                raise AssertionError('Expected call: %s\nNot called' % expected)
            raise AssertionError('expected call not found.\nExpected: %s\n%s: not called.' % (expected, _ACTUAL))
        if self.call_args != _Call((args, kwargs), two=True):
            actual = self._call_text(*self.call_args._parts()[1:])
            if _V < (3, 8):
                raise AssertionError('Expected call: %s\nActual call: %s' % (expected, actual))
            raise AssertionError('expected call not found.\nExpected: %s\n%s: %s' % (expected, _ACTUAL, actual))

    def assert_called_once_with(self, *args, **kwargs):
        if not self.call_count == 1:
            msg = ("Expected '%s' to be called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)
        return self.assert_called_with(*args, **kwargs)

    def assert_called(self):
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." % (self._mock_name or 'mock'))

    def assert_called_once(self):
        if not self.call_count == 1:
            msg = ("Expected '%s' to have been called once. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_not_called(self):
        if self.call_count != 0:
            msg = ("Expected '%s' to not have been called. Called %s times.%s"
                   % (self._mock_name or 'mock', self.call_count, self._calls_repr()))
            raise AssertionError(msg)

    def assert_any_call(self, *args, **kwargs):
        expected = _Call((args, kwargs), two=True)
        if expected not in [_Call(c._parts()[1:], two=True) for c in self.call_args_list]:
            raise AssertionError('%s call not found' % self._call_text(args, kwargs))

    def assert_has_calls(self, calls, any_order=False):
        expected = list(calls)
        all_calls = _CallList(self.mock_calls)
        if not any_order:
            if expected not in all_calls:
                raise AssertionError('Calls not found.\nExpected: %r\n  Actual: %r' % (_CallList(expected),
                                                                                      self.mock_calls))
            return
        remaining = list(all_calls)
        not_found = []
        for kall in expected:
            try:
                remaining.remove(kall)
            except ValueError:
                not_found.append(kall)
        if not_found:
            raise AssertionError('%r does not contain all of %r in its call list, found %r instead'
                                 % (self._mock_name or 'mock', tuple(not_found), all_calls))

    def _calls_repr(self):
        if not self.mock_calls or _V < (3, 8):
            return ""
        return "\nCalls: %r." % (self.mock_calls,)

    def _record(self, args, kwargs):
        self.called = True
        self.call_count += 1
        this_call = _Call((args, kwargs), two=True)
        self.call_args = this_call
        self.call_args_list.append(this_call)
        self.mock_calls.append(_Call(('', args, kwargs)))
        # The call reaches the parents' mock_calls / method_calls by name.
        name = self._mock_new_name
        node = self._mock_new_parent
        do_method_calls = self._mock_parent is not None
        method_name = self._mock_name
        while node is not None:
            if do_method_calls:
                node.method_calls.append(_Call((method_name, args, kwargs)))
                do_method_calls = node._mock_parent is not None
                if do_method_calls:
                    method_name = node._mock_name + '.' + method_name
            node.mock_calls.append(_Call((name, args, kwargs)))
            parent_name = node._mock_new_name
            if parent_name:
                dot = '' if name.startswith('()') else '.'
                name = parent_name + dot + name
            node = node._mock_new_parent


class CallableMixin(object):
    def __call__(self, *args, **kwargs):
        self._record(args, kwargs)
        return self._execute(args, kwargs)

    def _execute(self, args, kwargs):
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, BaseException) or (isinstance(effect, type) and issubclass(effect, BaseException)):
                raise effect
            if not callable(effect):
                result = next(effect)
                if isinstance(result, BaseException) or (isinstance(result, type)
                                                         and issubclass(result, BaseException)):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A mock object: calling it, or any attribute of it, records the call."""


# The magic methods MagicMock configures, with their default results.
_MAGIC_DEFAULTS = {
    '__lt__': NotImplemented, '__gt__': NotImplemented, '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__float__': 1.0, '__bool__': True, '__index__': 1,
}
_MAGIC_NAMES = frozenset(['__len__', '__iter__', '__contains__', '__bool__', '__int__', '__float__', '__index__',
                          '__enter__', '__exit__', '__getitem__', '__setitem__', '__delitem__'])


class _MagicMixin(object):
    # Each magic method calls its own mock, made on first use with CPython's
    # default result; `mock.__len__ = f` (or a Mock) replaces it.
    def __len__(self):
        return self._magic('__len__', ())

    def __iter__(self):
        return iter(self._magic('__iter__', ()))

    def __contains__(self, item):
        return self._magic('__contains__', (item,))

    def __bool__(self):
        return self._magic('__bool__', ())

    def __int__(self):
        return self._magic('__int__', ())

    def __float__(self):
        return self._magic('__float__', ())

    def __index__(self):
        return self._magic('__index__', ())

    def __enter__(self):
        return self._magic('__enter__', ())

    def __exit__(self, *args):
        return self._magic('__exit__', args)

    def __getitem__(self, key):
        return self._magic('__getitem__', (key,))

    def __setitem__(self, key, value):
        return self._magic('__setitem__', (key, value))

    def __delitem__(self, key):
        return self._magic('__delitem__', (key,))

    def _magic(self, name, args):
        method = self._mock_magics.get(name)
        if method is None:
            method = MagicMock(name=name, parent=self, _new_name=name, _new_parent=self)
            if name in _MAGIC_DEFAULTS:
                method.return_value = _MAGIC_DEFAULTS[name]
            elif name == '__iter__':
                method.return_value = iter([])
            self._mock_magics[name] = method
        return method(*args)


class NonCallableMagicMock(_MagicMixin, NonCallableMock):
    """A MagicMock that cannot be called."""


class MagicMock(_MagicMixin, Mock):
    """A Mock with the magic methods configured (len, iter, with, ...)."""


class AsyncMock(MagicMock):
    """A mock whose call returns a coroutine; awaiting it gives the result
    (return_value or side_effect) and records the await."""

    def __init__(self, *args, **kwargs):
        MagicMock.__init__(self, *args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()

    def __call__(self, *args, **kwargs):
        self._record(args, kwargs)
        return self._execute_async(args, kwargs)

    async def _execute_async(self, args, kwargs):
        self.await_count += 1
        this_call = _Call((args, kwargs), two=True)
        self.await_args = this_call
        self.await_args_list.append(this_call)
        effect = self.side_effect
        if effect is not None:
            if isinstance(effect, BaseException) or (isinstance(effect, type) and issubclass(effect, BaseException)):
                raise effect
            if not callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    raise StopAsyncIteration
                if isinstance(result, BaseException) or (isinstance(result, type)
                                                         and issubclass(result, BaseException)):
                    raise result
            elif asyncio.iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if asyncio.iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def assert_awaited(self):
        if self.await_count == 0:
            raise AssertionError("Expected %s to have been awaited." % (self._mock_name or 'mock'))

    def assert_awaited_once(self):
        if not self.await_count == 1:
            raise AssertionError("Expected %s to have been awaited once. Awaited %s times."
                                 % (self._mock_name or 'mock', self.await_count))

    def assert_not_awaited(self):
        if self.await_count != 0:
            raise AssertionError("Expected %s to not have been awaited. Awaited %s times."
                                 % (self._mock_name or 'mock', self.await_count))


def _importer(target):
    components = target.split('.')
    import_path = components.pop(0)
    thing = _asimlib.import_module(import_path)
    for comp in components:
        import_path += ".%s" % comp
        try:
            thing = getattr(thing, comp)
        except AttributeError:
            thing = _asimlib.import_module(import_path)
    return thing


def _get_target(target):
    try:
        target, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError("Need a valid target to patch. You supplied: %r" % (target,))
    return (lambda: _importer(target)), attribute


class _patch(object):
    def __init__(self, getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs):
        if spec_set is not None or autospec is not None:
            _unsupported("patch with spec_set or autospec")
        if new_callable is not None and new is not DEFAULT:
            raise ValueError("Cannot use 'new' and 'new_callable' together")
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.kwargs = kwargs
        self.attribute_name = None
        self._active = []

    def copy(self):
        p = _patch(self.getter, self.attribute, self.new, self.spec, self.create, None, None, self.new_callable,
                   self.kwargs)
        p.attribute_name = self.attribute_name
        return p

    def __call__(self, func):
        if isinstance(func, type):
            _unsupported("patch as a class decorator")
        return self.decorate_callable(func)

    def decorate_callable(self, func):
        patcher = self
        if asyncio.iscoroutinefunction(func):
            @functools.wraps(func)
            async def patched(*args, **kwargs):
                extra = patcher._start_all()
                try:
                    return await func(*args, *extra, **kwargs)
                finally:
                    patcher._stop_all()
        else:
            @functools.wraps(func)
            def patched(*args, **kwargs):
                extra = patcher._start_all()
                try:
                    return func(*args, *extra, **kwargs)
                finally:
                    patcher._stop_all()
        return patched

    def _start_all(self):
        new = self.__enter__()
        return () if self.new is not DEFAULT else (new,)

    def _stop_all(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        target = self.getter()
        missing = False
        try:
            original = target.__dict__[self.attribute] if isinstance(target, type) \
                and self.attribute in target.__dict__ else getattr(target, self.attribute)
        except AttributeError:
            if not self.create:
                raise AttributeError("%s does not have the attribute %r" % (target, self.attribute))
            original = DEFAULT
            missing = True
        new = self.new
        if new is DEFAULT:
            klass = self.new_callable
            if klass is None:
                klass = AsyncMock if _V >= (3, 8) and asyncio.iscoroutinefunction(original) else MagicMock
            kwargs = dict(self.kwargs)
            if self.spec is not None:
                kwargs['spec'] = original if self.spec is True else self.spec
            new = klass(**kwargs)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        setattr(target, self.attribute, new)
        self._active.append((target, original, missing))
        return new

    def __exit__(self, *exc_info):
        target, original, missing = self._active.pop()
        if missing:
            delattr(target, self.attribute)
        else:
            setattr(target, self.attribute, original)
        return False

    def start(self):
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        if self in _patch._active_patches:
            _patch._active_patches.remove(self)
        if not self._active:
            return None
        return self.__exit__(None, None, None)


_patch._active_patches = []


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None, new_callable=None, **kwargs):
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False, spec_set=None, autospec=None,
                  new_callable=None, **kwargs):
    if isinstance(target, str):
        raise TypeError("%r must be the actual object to be patched, not a str" % (target,))
    return _patch(lambda: target, attribute, new, spec, create, spec_set, autospec, new_callable, kwargs)


def _patch_stopall():
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


patch.object = _patch_object
patch.stopall = _patch_stopall


if _V < (3, 8):
    del AsyncMock

# What CPython's module has and this one leaves out.
_NOT_MODELLED = frozenset(['create_autospec', 'mock_open', 'PropertyMock', 'seal', 'MagicProxy', 'Base'] +
                          (['ThreadingMock'] if _V >= (3, 13) else []))


def __getattr__(name):
    if name in _NOT_MODELLED:
        _unsupported(name)
    raise AttributeError("module 'unittest.mock' has no attribute %r" % name)
