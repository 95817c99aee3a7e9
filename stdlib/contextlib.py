"""Utilities for with-statement contexts: contextmanager and
asynccontextmanager and suppress (asim's native _contextlib), and the
context managers written on top of the protocol: ExitStack, AsyncExitStack,
nullcontext, closing, aclosing, redirect_stdout and redirect_stderr.

asim's own code, written after the behaviour of CPython's Lib/contextlib.py
(same classes, bases, messages and exception chaining)."""
import abc
import sys
from _contextlib import contextmanager, asynccontextmanager, suppress

_V = sys.version_info[:2]


class AbstractContextManager(abc.ABC):
    """A context manager whose __enter__ returns itself."""

    def __enter__(self):
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager(abc.ABC):
    """An asynchronous context manager whose __aenter__ returns itself."""

    async def __aenter__(self):
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator(object):
    """Lets a context manager decorate a function: each call runs inside it."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        inner.__name__ = func.__name__
        inner.__qualname__ = func.__qualname__
        inner.__doc__ = func.__doc__
        inner.__wrapped__ = func
        return inner


class closing(AbstractContextManager):
    """Calls thing.close() on leaving the block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


if _V >= (3, 10):
    class aclosing(AbstractAsyncContextManager):
        """Awaits thing.aclose() on leaving the block."""

        def __init__(self, thing):
            self.thing = thing

        async def __aenter__(self):
            return self.thing

        async def __aexit__(self, *exc_info):
            await self.thing.aclose()


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Sends sys.stdout to another file-like object for the block."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sends sys.stderr to another file-like object for the block."""
    _stream = "stderr"


def _protocol_error(cm, asynchronous):
    cls = type(cm)
    if _V >= (3, 11):
        kind = "asynchronous context manager" if asynchronous else "context manager"
        return TypeError("'%s.%s' object does not support the %s protocol" % (cls.__module__, cls.__qualname__, kind))
    missing = "__aexit__" if asynchronous else "__exit__"
    return AttributeError("type object '%s' has no attribute '%s'" % (cls.__name__, missing))


def _bind(method, obj):
    # The unbound method as a callback on obj, whatever kind of callable it is.
    def bound(*args):
        return method(obj, *args)
    bound.__self__ = obj
    return bound


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the stack of exit callbacks,
    each (is_sync, callback), run last in, first out."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        cls = type(exit)
        try:
            exit_method = cls.__exit__
        except AttributeError:
            # Not a context manager: a callable taking __exit__'s arguments.
            self._push_exit_callback(exit)
        else:
            self._push_exit_callback(_bind(exit_method, exit))
        return exit

    def enter_context(self, cm):
        cls = type(cm)
        if _V >= (3, 11):
            try:
                enter = cls.__enter__
                exit = cls.__exit__
            except AttributeError:
                raise _protocol_error(cm, False) from None
        else:
            exit = cls.__exit__
            enter = cls.__enter__
        result = enter(cm)
        self._push_exit_callback(_bind(exit, cm))
        return result

    def callback(*args, **kwds):
        self, callback, *args = args

        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper)
        return callback

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


def _link_context(new_exc, old_exc, frame_exc):
    # Chain new_exc's context (up to what the frame was already handling) on
    # old_exc, the exception the callback was given.
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


def _reraise(exc):
    context = exc.__context__
    try:
        raise exc
    except BaseException:
        # Raising inside this handler would chain exc to itself.
        exc.__context__ = context
        raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context managers and callbacks, left in reverse order when the stack
    is closed or its with block ends."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except:
                new_details = sys.exc_info()
                _link_context(new_details[1], exc_details[1], frame_exc)
                pending = True
                exc_details = new_details
        if pending:
            _reraise(exc_details[1])
        return received and suppressed

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for asynchronous context managers and coroutine callbacks."""

    async def enter_async_context(self, cm):
        cls = type(cm)
        if _V >= (3, 11):
            try:
                enter = cls.__aenter__
                exit = cls.__aexit__
            except AttributeError:
                raise _protocol_error(cm, True) from None
        else:
            exit = cls.__aexit__
            enter = cls.__aenter__
        result = await enter(cm)
        self._push_exit_callback(_bind(exit, cm), False)
        return result

    def push_async_exit(self, exit):
        cls = type(exit)
        try:
            exit_method = cls.__aexit__
        except AttributeError:
            self._push_exit_callback(exit, False)
        else:
            self._push_exit_callback(_bind(exit_method, exit), False)
        return exit

    def push_async_callback(*args, **kwds):
        self, callback, *args = args

        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper, False)
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    result = cb(*exc_details)
                else:
                    result = await cb(*exc_details)
                if result:
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except:
                new_details = sys.exc_info()
                _link_context(new_details[1], exc_details[1], frame_exc)
                pending = True
                exc_details = new_details
        if pending:
            _reraise(exc_details[1])
        return received and suppressed


if _V >= (3, 10):
    class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
        """A context manager that does nothing; its value is enter_result."""

        def __init__(self, enter_result=None):
            self.enter_result = enter_result

        def __enter__(self):
            return self.enter_result

        def __exit__(self, *excinfo):
            pass

        async def __aenter__(self):
            return self.enter_result

        async def __aexit__(self, *excinfo):
            pass
else:
    class nullcontext(AbstractContextManager):
        """A context manager that does nothing; its value is enter_result."""

        def __init__(self, enter_result=None):
            self.enter_result = enter_result

        def __enter__(self):
            return self.enter_result

        def __exit__(self, *excinfo):
            pass
