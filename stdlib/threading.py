# threading (asim's own stand-in): asim runs one thread.
# Importing it works, as programs and CPython's test files import it
# without always using it; any name taken from it stops the run as not
# modelled (an AttributeError CPython never raises could be caught).
import _asimlib


def __getattr__(name):
    _asimlib.unsupported("threading." + name, "threads run outside asim's virtual clock")
