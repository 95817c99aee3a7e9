"""The parts of asyncio that deal with threads, which asim's native event
loop calls: BaseEventLoop's default executor (run_in_executor,
set_default_executor, shutdown_default_executor, and its shutdown in
close()), futures.wrap_future and _chain_future, tasks.
run_coroutine_threadsafe and threads.to_thread.

asim's own code, written after the behaviour of CPython's Lib/asyncio
(base_events.py, futures.py, tasks.py, threads.py) for each version. Not a
CPython module: the asyncio module and its loops reach it."""
import sys
import functools
import contextvars
import warnings
import threading
import concurrent.futures
import asyncio

_V = sys.version_info[:2]

# BaseEventLoop._default_executor and _executor_shutdown_called, by loop.
_default_executors = {}
_executor_shutdown_called = {}


def _check_default_executor(loop):
    if _V >= (3, 9) and _executor_shutdown_called.get(loop):
        raise RuntimeError('Executor shutdown has been called')


def run_in_executor(loop, executor, func, *args):
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    if loop.get_debug():
        import _asimlib
        _asimlib.unsupported('loop.run_in_executor in debug mode', "asim models no debug checks of executor calls")
    if executor is None:
        executor = _default_executors.get(loop)
        _check_default_executor(loop)
        if executor is None:
            if _V >= (3, 9):
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
            else:
                executor = concurrent.futures.ThreadPoolExecutor()
            _default_executors[loop] = executor
    return wrap_future(executor.submit(func, *args), loop=loop)


def set_default_executor(loop, executor):
    if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
        if _V >= (3, 11):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        if _V >= (3, 8):
            warnings.warn('Using the default executor that is not an instance of ThreadPoolExecutor '
                          'is deprecated and will be prohibited in Python 3.9', DeprecationWarning, 3)
    _default_executors[loop] = executor


def has_default_executor(loop):
    return _default_executors.get(loop) is not None


async def shutdown_default_executor(loop, timeout=None):
    _executor_shutdown_called[loop] = True
    if _default_executors.get(loop) is None:
        return
    future = loop.create_future()
    thread = threading.Thread(target=_do_shutdown, args=(loop, future))
    thread.start()
    if _V >= (3, 13):
        try:
            async with asyncio.timeout(timeout):
                await future
        except TimeoutError:
            warnings.warn("The executor did not finishing joining "
                          f"its threads within {timeout} seconds.", RuntimeWarning, stacklevel=2)
            _default_executors[loop].shutdown(wait=False)
        else:
            thread.join()
        return
    try:
        await future
    finally:
        thread.join(timeout)
    if _V >= (3, 12) and thread.is_alive():
        warnings.warn("The executor did not finishing joining "
                      f"its threads within {timeout} seconds.", RuntimeWarning, stacklevel=2)
        _default_executors[loop].shutdown(wait=False)


def shutdown_default_executor_for_run(loop):
    # asyncio.run's: 3.12+ give the executor's threads THREAD_JOIN_TIMEOUT.
    return shutdown_default_executor(loop, 300 if _V >= (3, 12) else None)


def _do_shutdown(loop, future):
    try:
        _default_executors[loop].shutdown(wait=True)
        if _V < (3, 10) or not loop.is_closed():
            if _V >= (3, 13):
                loop.call_soon_threadsafe(_set_result_unless_cancelled, future, None)
            else:
                loop.call_soon_threadsafe(future.set_result, None)
    except Exception as ex:
        if _V < (3, 10) or (not loop.is_closed() and (_V < (3, 13) or not future.cancelled())):
            loop.call_soon_threadsafe(future.set_exception, ex)


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


def close(loop):
    # BaseEventLoop.close: the executor is shut down without waiting.
    _executor_shutdown_called[loop] = True
    executor = _default_executors.get(loop)
    if executor is not None:
        _default_executors[loop] = None
        executor.shutdown(wait=False)


def _convert_future_exc(exc):
    exc_class = type(exc)
    if _V < (3, 8):
        return exc
    if exc_class is concurrent.futures.CancelledError:
        return asyncio.CancelledError(*exc.args)
    elif exc_class is concurrent.futures.TimeoutError:
        return asyncio.TimeoutError(*exc.args)
    elif exc_class is concurrent.futures.InvalidStateError:
        return asyncio.InvalidStateError(*exc.args)
    else:
        return exc


def _copy_future_state(source, dest):
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _set_concurrent_future_state(concurrent, source):
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        result = source.result()
        concurrent.set_result(result)


def _chain_future(source, destination):
    if not asyncio.isfuture(source) and not isinstance(source, concurrent.futures.Future):
        raise TypeError('A future is required for source argument')
    if not asyncio.isfuture(destination) and not isinstance(destination, concurrent.futures.Future):
        raise TypeError('A future is required for destination argument')
    source_loop = source.get_loop() if asyncio.isfuture(source) else None
    dest_loop = destination.get_loop() if asyncio.isfuture(destination) else None

    def _set_state(future, other):
        if asyncio.isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if _V >= (3, 10) and dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    if asyncio.isfuture(future):
        return future
    assert isinstance(future, concurrent.futures.Future), f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:
        loop = asyncio.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


def run_coroutine_threadsafe(coro, loop):
    if not asyncio.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(asyncio.ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


async def to_thread(func, /, *args, **kwargs):
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    func_call = functools.partial(ctx.run, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
