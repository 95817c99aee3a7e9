"""Printing and formatting exceptions as the interpreter does: print_exc,
format_exc, print_exception, format_exception, format_exception_only.

asim's own code, written after the behaviour of CPython's
Lib/traceback.py. The text itself comes from the interpreter (the
traceback CPython prints for that version); this module only splits it the
way CPython's functions return it. asim keeps no traceback objects: an
exception's own traceback is always the one shown."""
import sys
import _asimlib

_V = sys.version_info[:2]

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc', 'print_exception']

_sentinel = object()


def _entries(text):
    # CPython's lists: one string per frame (its "File" line and the source
    # and caret lines under it), one per other line.
    entries = []
    for line in text.splitlines(True):
        if line.startswith('    ') and entries and entries[-1].startswith('  File '):
            entries[-1] += line
        else:
            entries.append(line)
    return entries


def _value_of(exc, value):
    if _V >= (3, 10) and value is _sentinel:
        return exc
    return value


def _format(value):
    if value is None:
        return ['NoneType: None\n']
    return _entries(_asimlib.format_exception(value))


if _V >= (3, 10):
    def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
        return _format(_value_of(exc, value))

    def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in format_exception(exc, value, tb, limit, chain):
            print(line, file=file, end="")

    def format_exception_only(exc, /, value=_sentinel):
        return _only(_value_of(exc, value))
else:
    def format_exception(etype, value, tb, limit=None, chain=True):
        return _format(value)

    def print_exception(etype, value, tb, limit=None, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in format_exception(etype, value, tb, limit, chain):
            print(line, file=file, end="")

    def format_exception_only(etype, value):
        return _only(value)


def _only(value):
    # The lines after the last frame: the exception's own.
    entries = _format(value)
    last = 0
    for i, entry in enumerate(entries):
        if entry.startswith('  File ') or entry.startswith('Traceback '):
            last = i + 1
    return entries[last:]


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)
