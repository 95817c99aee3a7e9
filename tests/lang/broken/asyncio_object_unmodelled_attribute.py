# expect-exit: 2
# expect-stderr-contains: asyncio_object_unmodelled_attribute.py:17: not supported by asim: _UnixSelectorEventLoop._scheduled (a private attribute of asyncio's classes)
# A name CPython's asyncio objects have and asim's lack stops the run when
# read, even under hasattr: CPython answers True, and an AttributeError
# could be caught and change what the program does. A name CPython's
# objects lack either is CPython's AttributeError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.no_such_attribute
    except AttributeError as e:
        print(e)
    print(hasattr(asyncio.current_task(), "get_coro"))
    if hasattr(loop, "_scheduled"):
        print(len(loop._scheduled))


asyncio.run(main())
