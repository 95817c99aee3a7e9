# textwrap (asim's own stand-in): not modelled yet.
# Importing it works, as programs and CPython's test files import it
# without always using it; any name taken from it stops the run as not
# modelled (an AttributeError CPython never raises could be caught).
import _asimlib


def __getattr__(name):
    _asimlib.unsupported("textwrap." + name, "asim models no text wrapping")
