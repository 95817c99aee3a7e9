# expect-exit: 2
# expect-stderr-contains: unmodelled_callable.py:9: not supported by asim: statistics.harmonic_mean (asim models only part of statistics)
# A function or class CPython's module has and asim's lacks: importing it
# works, calling it stops the run, never an ImportError a program could catch.
import asyncio
from statistics import harmonic_mean

print(callable(asyncio.AbstractEventLoop))
print(harmonic_mean([1, 2]))
