# expect-exit: 2
# expect-stderr-contains: unmodelled_callable.py:9: not supported by asim: contextlib.ExitStack (asim models only part of contextlib)
# A function or class CPython's module has and asim's lacks: importing it
# works, calling it stops the run, never an ImportError a program could catch.
import asyncio
from contextlib import ExitStack

print(callable(asyncio.AbstractEventLoop))
with ExitStack() as stack:
    pass
