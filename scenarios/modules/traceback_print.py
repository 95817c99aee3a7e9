# traceback: format_exc / print_exc inside a handler, print_exception and
# format_exception per version (one argument from 3.10), a chained
# exception, format_exception_only. Paths are replaced: tracebacks name the
# script by the path it was run as.
import asyncio
import sys
import traceback


def portable(text):
    return text.replace(__file__, "SCRIPT")


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


async def fails(n):
    await asyncio.sleep(0.1)
    if n:
        return await fails(n - 1)
    raise KeyError("deep")


async def main():
    try:
        await fails(2)
    except KeyError:
        text = traceback.format_exc()
        print(portable(text), end="")
        print(text.count("\n"), text.splitlines()[0])
    task = asyncio.ensure_future(fails(0))
    await asyncio.wait([task])
    exc = task.exception()
    if sys.version_info >= (3, 10):
        lines = traceback.format_exception(exc)
    else:
        lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    print(portable("".join(lines)), end="")
    print(traceback.format_exception_only(type(exc), exc))
    try:
        try:
            1 / 0
        except ZeroDivisionError as inner:
            raise RuntimeError("while dividing") from inner
    except RuntimeError:
        print(portable(traceback.format_exc()), end="")
    print(repr(traceback.format_exc()) if sys.exc_info()[0] is None else "handling")
    try:
        [][1]
    except IndexError:
        sink = Collect()
        traceback.print_exc(file=sink)
        print(portable("".join(sink.parts)), end="")


asyncio.run(main())
