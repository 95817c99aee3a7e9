# expect-exit: 2
# expect-stderr-contains: streams_import.py:6: not supported by asim: asyncio.streams.StreamReader
# expect-stderr-lines: 1
# A name of a submodule asim does not model stops where it is read.
import asyncio.streams
from asyncio.streams import StreamReader
