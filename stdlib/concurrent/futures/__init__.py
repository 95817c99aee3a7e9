"""concurrent.futures: Future, wait, as_completed and ThreadPoolExecutor,
with threads on asim's virtual clock. ProcessPoolExecutor stops the run:
asim runs one process.

asim's own code, laid out as CPython's package (_base, thread)."""
import sys as _sys
import _asimlib
from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                                      TimeoutError, BrokenExecutor, Future, Executor, wait, as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

if _sys.version_info[:2] >= (3, 8):
    from concurrent.futures._base import InvalidStateError


def __getattr__(name):
    _asimlib.unsupported("concurrent.futures." + name, "asim runs one process and models only part of concurrent.futures")
