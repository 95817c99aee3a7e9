# gc (asim's own stand-in). asim frees an object when its last reference
# goes, as CPython's reference counting does, and keeps no generations:
# collect() finds nothing more to free and says so (0). Any other name
# stops the run as not modelled.
import _asimlib


def collect(generation=2):
    return 0


def __getattr__(name):
    _asimlib.unsupported("gc." + name, "asim has no cycle collector to inspect")
