"""Warnings: warn, the filters (simplefilter, filterwarnings, resetwarnings),
catch_warnings, showwarning and formatwarning, printed as CPython prints
them to stderr.

asim's own code, written after the behaviour of CPython's Lib/warnings.py
and Python/_warnings.c. The warnings asim itself issues (a coroutine never
awaited, asyncio's deprecations) pass through the same filters once this
module is imported: the interpreter calls _warn_native. A frame is found
with _asimlib.warning_frame, a source line with _asimlib.source_line
(linecache's part); message and module patterns are a small subset of
regular expressions (asim has no re module)."""
import sys

import _asimlib

_V = sys.version_info[:2]

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


def _showwarnmsg_impl(msg):
    file = msg.file if msg.file is not None else sys.stderr
    file.write(_formatwarnmsg(msg))


# _formatwarnmsg_impl
def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, category, msg.message)
    line = msg.line
    if line is None:
        line = _asimlib.source_line(msg.filename, msg.lineno)
    if line:
        s += "  %s\n" % line.strip()
    # The interpreter says when CPython would suggest tracemalloc (a warning
    # about an object, e.g. a coroutine never awaited).
    if getattr(msg, '_tracemalloc_hint', False):
        s += "%s: Enable tracemalloc to get the object allocation traceback\n" % category
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    fw = formatwarning
    if fw is not _formatwarning_orig:
        return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


class _Pattern:
    """re.compile(text, flags).match for the patterns filters use: literal
    text, '.', '*', '\\' escapes, a trailing '$' or '\\Z'."""

    def __init__(self, pattern, ignore_case):
        self.pattern = pattern
        self._ignore_case = ignore_case
        self._atoms = []
        self._anchored_end = False
        i = 0
        while i < len(pattern):
            c = pattern[i]
            if c == '\\' and i + 1 < len(pattern):
                if pattern[i + 1] == 'Z' and i + 2 == len(pattern):
                    self._anchored_end = True
                    break
                self._atoms.append([pattern[i + 1], False])
                i += 2
                continue
            if c == '$' and i + 1 == len(pattern):
                self._anchored_end = True
                break
            if c == '*' and self._atoms and not self._atoms[-1][1]:
                self._atoms[-1][1] = True
            elif c in '[](){}+?|^*':
                _asimlib.unsupported("a warnings filter pattern using %r" % c,
                                     "asim has no re module; literal text, '.' and '*' are modelled")
            else:
                self._atoms.append([None if c == '.' else c, False])
            i += 1

    def _char(self, atom, ch):
        want = atom[0]
        if want is None:
            return ch != '\n'
        if self._ignore_case:
            return want.lower() == ch.lower()
        return want == ch

    def _from(self, a, t, text):
        if a == len(self._atoms):
            return not self._anchored_end or t == len(text) or (t == len(text) - 1 and text[t] == '\n')
        atom = self._atoms[a]
        if atom[1]:
            n = t
            while n < len(text) and self._char(atom, text[n]):
                n += 1
            while n >= t:
                if self._from(a + 1, n, text):
                    return True
                n -= 1
            return False
        return t < len(text) and self._char(atom, text[t]) and self._from(a + 1, t + 1, text)

    def match(self, text):
        return self._from(0, 0, text)

    def __repr__(self):
        if self._ignore_case:
            return 're.compile(%r, re.IGNORECASE)' % self.pattern
        return 're.compile(%r)' % self.pattern


def _check_action(action):
    if action not in ("error", "ignore", "always", "default", "module", "once"):
        raise AssertionError("invalid action: %r" % (action,))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, _Pattern(message, True) if message else None, category,
                _Pattern(module, False) if module else None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""


# The registries CPython keeps as each module's __warningregistry__.
_registries = {}


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    filename, lineno, module = _asimlib.warning_frame(stacklevel)
    error = _warn_explicit(message, category, filename, lineno, module, _registries.setdefault(module, {}),
                           source, False)
    if error is not None:
        raise error


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    error = _warn_explicit(message, category, filename, lineno, module, registry, source, False)
    if error is not None:
        raise error


# warn_explicit; returns the warning to raise for the "error" action, so that
# a traceback shows one frame of this module, as CPython's C warn shows none.
def _warn_explicit(message, category, filename, lineno, module, registry, source, hint):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get('version', 0) != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        # The built-in default filters name their module as plain text.
        mod_ok = mod is None or (mod == module if isinstance(mod, str) else mod.match(module))
        if ((msg is None or msg.match(text)) and issubclass(category, cat) and mod_ok and
                (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        return message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    msg = WarningMessage(message, category, filename, lineno, None, None, source)
    if hint:
        msg._tracemalloc_hint = True
    _showwarnmsg(msg)
    return None


def _warn_native(category, text, hint):
    # A warning the interpreter issues (PyErr_WarnEx / _PyErr_WarnUnawaitedCoroutine):
    # placed at the running line of the program, or the sys module's place.
    filename, lineno, module = _asimlib.warning_frame(1)
    error = _warn_explicit(text, category, filename, lineno, module, _registries.setdefault(module, {}), None, hint)
    if error is not None:
        raise error


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _this_module():
    import warnings
    return warnings


# catch_warnings.__init__: 3.11 added the arguments of simplefilter.
if _V >= (3, 11):
    def _catch_warnings_init(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                             append=False):
        self._record = record
        self._module = _this_module() if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)
else:
    def _catch_warnings_init(self, *, record=False, module=None):
        self._record = record
        self._module = _this_module() if module is None else module
        self._entered = False
        self._filter = None


class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context."""

    __init__ = _catch_warnings_init

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not _this_module():
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# The filters a default build of CPython starts with (-W and -X dev unset).
filters = [("default", None, DeprecationWarning, "__main__", 0),
           ("ignore", None, DeprecationWarning, None, 0),
           ("ignore", None, PendingDeprecationWarning, None, 0),
           ("ignore", None, ImportWarning, None, 0),
           ("ignore", None, ResourceWarning, None, 0)]
defaultaction = "default"
onceregistry = {}
