# expect-exit: 2
# expect-stderr-contains: unsupported_submodule.py:5: module 'asyncio.proactor_events' is not supported by asim
# A submodule of a package asim provides, which asim itself does not model.
import asyncio
import asyncio.proactor_events
