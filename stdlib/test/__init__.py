# `test`, CPython's regression-test package, as asim's own stand-in: the
# harness modules (test.support, test.test_asyncio and its utils) are
# asim's; every other module of the package, the test files themselves, is
# read from the installed CPython of the version modelled.
import _asimlib

_lib = _asimlib.cpython_lib()
if _lib is not None:
    __path__.append(_lib + "/test")
