# expect-exit: 1
# expect-stderr-last: ModuleNotFoundError: No module named 'aiohttp'
# A module CPython itself lacks: CPython's own ModuleNotFoundError.
import asyncio

try:
    import numpy
except ModuleNotFoundError as e:
    print(e.name, e)
import aiohttp
