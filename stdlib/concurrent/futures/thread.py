"""ThreadPoolExecutor: calls run by a pool of threads on asim's virtual
clock.

asim's own code, written after the behaviour of CPython's
Lib/concurrent/futures/thread.py, each version's: how many threads a pool
may start, when it starts a new one rather than leave the call to an idle
one, and whether its threads are daemons."""
import sys as _sys
import itertools
import os
import queue
import threading
from concurrent.futures import _base

_V = _sys.version_info[:2]

_threads_queues = {}
_shutdown = False


def _python_exit():
    global _shutdown
    _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_at_shutdown(_python_exit)


class _WorkItem(object):

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            import _asimlib
            _asimlib.unsupported('a ThreadPoolExecutor initializer that raises',
                                 'CPython logs it through the concurrent.futures logger, which asim does not model')
    while True:
        if _V >= (3, 12):
            # The pool counts this thread idle only when nothing waits.
            try:
                work_item = work_queue.get_nowait()
            except queue.Empty:
                executor._idle_semaphore.release()
                work_item = work_queue.get(block=True)
        else:
            work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            if (3, 8) <= _V < (3, 12):
                # 3.8-3.11 count the thread idle after every call.
                executor._idle_semaphore.release()
            continue
        if _shutdown or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)
            return


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


def _default_max_workers():
    cpus = os.process_cpu_count() if _V >= (3, 13) else os.cpu_count()
    if _V < (3, 8):
        return (cpus or 1) * 5
    return min(32, (cpus or 1) + 4)


class ThreadPoolExecutor(_base.Executor):

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_max_workers()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        if _V >= (3, 8):
            self._idle_semaphore = threading.Semaphore(0)
        # CPython's is a set, joined in an order that cannot be seen: a
        # dict keeps the threads without an order that follows addresses.
        self._threads = {}
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if _V >= (3, 8) and self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            if _V < (3, 9):
                t.daemon = True
            t.start()
            self._threads[t] = None
            _threads_queues[t] = self._work_queue

    def shutdown(self, wait=True, *, cancel_futures=False):
        if cancel_futures and _V < (3, 9):
            raise TypeError("shutdown() got an unexpected keyword argument 'cancel_futures'")
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
