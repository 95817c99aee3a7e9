# os (asim's own): what asyncio programs read from it without touching the
# machine: the process environment (environ, getenv), the platform's names
# and separators, and os.path's string operations. Files, processes and
# anything else stop the run as not modelled (exit 2).
import sys as _sys
import _asimlib
from os import path

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
devnull = "/dev/null"
defpath = "/bin:/usr/bin"


class _Environ(dict):
    # os._Environ: a mapping of str to str, printed as environ({...}).
    def __repr__(self):
        return "environ(" + dict.__repr__(self) + ")"

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        dict.__setitem__(self, key, value)

    def copy(self):
        return dict(self)


environ = _Environ(_asimlib.environment())


def getenv(key, default=None):
    return environ.get(key, default)


def cpu_count():
    return _asimlib.cpu_counts()[0]


if _sys.version_info[:2] >= (3, 13):
    def process_cpu_count():
        return _asimlib.cpu_counts()[1]


def __getattr__(name):
    _asimlib.unsupported("os." + name, "asim models no files, processes or system calls")
