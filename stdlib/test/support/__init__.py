# test.support (asim's own stand-in): the helpers CPython's asyncio
# scheduling tests use. Decorators that CPython's runs pass through leave the
# test to run here as well: a test CPython runs is never skipped.
import sys
import unittest

LOOPBACK_TIMEOUT = 5.0
INTERNET_TIMEOUT = 60.0
SHORT_TIMEOUT = 30.0
LONG_TIMEOUT = 5 * 60.0
PIPE_MAX_SIZE = 4 * 1024 * 1024 + 1
MISSING_C_DOCSTRINGS = False
Py_DEBUG = False
is_emscripten = False
is_wasi = False
has_socket_support = True
verbose = 1


def gc_collect():
    # asim frees an object as soon as the last reference goes, as CPython's
    # reference counting does; there are no cycles left for a collection.
    pass


def get_attribute(obj, name):
    try:
        return getattr(obj, name)
    except AttributeError:
        raise unittest.SkipTest("object %r has no attribute %r" % (obj, name))


def _passes(test):
    return test


def cpython_only(test):
    return test


def refcount_test(test):
    return test


def requires_working_socket(*, module=False):
    return _passes


def requires_fork():
    return _passes


def skip_if_pgo_task(test):
    return test


class _AlwaysEqual:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


class _NeverEqual:
    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    def __hash__(self):
        return 1


ALWAYS_EQ = _AlwaysEqual()
NEVER_EQ = _NeverEqual()
