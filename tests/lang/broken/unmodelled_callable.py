# expect-exit: 2
# expect-stderr-contains: unmodelled_callable.py:9: not supported by asim: statistics.correlation (asim models only part of statistics)
# A function or class CPython's module has and asim's lacks: importing it
# works, calling it stops the run, never an ImportError a program could catch.
import asyncio
from statistics import correlation

print(callable(asyncio.AbstractEventLoop))
print(correlation([1, 2, 3], [2, 4, 7]))
