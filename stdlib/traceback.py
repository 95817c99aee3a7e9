"""Printing and formatting exceptions as the interpreter does: print_exc,
format_exc, print_exception, format_exception, format_exception_only, and
the frames of a traceback object: walk_tb, extract_tb, format_tb, print_tb,
format_list, print_list, FrameSummary, StackSummary.

asim's own code, written after the behaviour of CPython's
Lib/traceback.py. The text itself comes from the interpreter (the
traceback CPython prints for that version); this module only splits it the
way CPython's functions return it. An exception passed with a traceback
other than its own is shown with its own, but for tb=None."""
import sys
import _asimlib

_V = sys.version_info[:2]

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only', 'format_list', 'format_tb',
           'print_exc', 'print_exception', 'print_list', 'print_tb', 'walk_tb', 'FrameSummary', 'StackSummary']

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


def _format(value, tb=_sentinel, limit=None, chain=True):
    if limit is not None or not chain:
        _asimlib.unsupported('format_exception(limit=..., chain=False)', 'asim formats whole tracebacks only')
    if value is None:
        return ['NoneType: None\n']
    if tb is None and value.__cause__ is None and value.__context__ is None:
        return _only(value)
    return _entries(_asimlib.format_exception(value))


if _V >= (3, 10):
    def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
        return _format(_value_of(exc, value), tb, limit, chain)

    def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in format_exception(exc, value, tb, limit, chain):
            print(line, file=file, end="")

    def format_exception_only(exc, /, value=_sentinel):
        return _only(_value_of(exc, value))
else:
    def format_exception(etype, value, tb, limit=None, chain=True):
        return _format(value, tb, limit, chain)

    def print_exception(etype, value, tb, limit=None, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in format_exception(etype, value, tb, limit, chain):
            print(line, file=file, end="")

    def format_exception_only(etype, value):
        return _only(value)


def _only(value):
    # The lines after the last frame: the exception's own.
    entries = _entries(_asimlib.format_exception(value))
    last = 0
    for i, entry in enumerate(entries):
        if entry.startswith('  File ') or entry.startswith('Traceback '):
            last = i + 1
    return entries[last:]


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _limited(items, limit):
    # A positive limit keeps the first frames, a negative one the last.
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


def _frame_texts(tb):
    # Each frame's entry as the interpreter prints it (with its ^^^ marks):
    # the last frames of the exception's own block, the one after the last
    # "Traceback" header.
    found = _asimlib.traceback_frames(tb)
    if found is None:
        return None
    exc, count = found
    entries = _entries(_asimlib.format_exception(exc))
    header = 'Traceback (most recent call last):\n'
    if header not in entries:
        return None
    start = len(entries) - entries[::-1].index(header)
    frames = []
    for entry in entries[start:]:
        if not entry.startswith('  File '):
            break
        frames.append(entry)
    if len(frames) < count:
        return None
    return frames[len(frames) - count:]


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals', '_text')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None, **positions):
        if positions:
            _asimlib.unsupported('traceback.FrameSummary(end_lineno=..., colno=...)', 'asim keeps no column positions')
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = None if locals is None else {k: repr(v) for k, v in locals.items()}
        self._text = None

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _asimlib.source_line(self.filename, self.lineno)
        return self._line.strip()

    if _V >= (3, 11):
        @property
        def end_lineno(self):
            _asimlib.unsupported('FrameSummary.end_lineno', 'asim keeps no column positions')

        @property
        def colno(self):
            _asimlib.unsupported('FrameSummary.colno', 'asim keeps no column positions')

        @property
        def end_colno(self):
            _asimlib.unsupported('FrameSummary.end_colno', 'asim keeps no column positions')

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4


def _plain_text(frame):
    text = '  File "{}", line {}, in {}\n'.format(frame.filename, frame.lineno, frame.name)
    if frame.line:
        text += '    {}\n'.format(frame.line)
    if frame.locals:
        for name, value in sorted(frame.locals.items()):
            text += '    {name} = {value}\n'.format(name=name, value=value)
    return text


class StackSummary(list):

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        return [frame._text if frame._text is not None else _plain_text(frame) for frame in self]


def extract_tb(tb, limit=None):
    frames = []
    for f, lineno in walk_tb(tb):
        code = f.f_code
        frames.append(FrameSummary(code.co_filename, lineno, code.co_name))
    texts = _frame_texts(tb)
    if texts is not None:
        for frame, text in zip(frames, texts):
            frame._text = text
    return StackSummary(_limited(frames, limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)
