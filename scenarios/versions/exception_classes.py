# The relations between asyncio's exception classes change across versions.
import asyncio
import sys

print("version", sys.version_info[:2])
print("CancelledError is an Exception:", issubclass(asyncio.CancelledError, Exception))
print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
print("InvalidStateError is an Exception:", issubclass(asyncio.InvalidStateError, Exception))
