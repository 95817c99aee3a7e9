# `async with` in a plain function: 3.10+ mark the statement, body included,
# so the carets run to the end of its first line.
import asyncio

lock = asyncio.Lock()


def guarded(counter):
    async with lock:
        counter += 1
    return counter
