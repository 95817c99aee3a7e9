# expect-exit: 2
# expect-stderr-contains: unsupported_module.py:9: module 'socket' is not supported by asim
# A standard module asim does not model stops the run: CPython has socket,
# so a ModuleNotFoundError here would be a lie a program could catch.
import asyncio


try:
    import socket
except ImportError:
    print("a Python handler cannot hide it")
