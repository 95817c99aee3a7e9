# test.test_asyncio (asim's own stand-in for the package): its utils module is
# asim's, its test files are read from the installed CPython.
import _asimlib

_lib = _asimlib.cpython_lib()
if _lib is not None:
    __path__.append(_lib + "/test/test_asyncio")
