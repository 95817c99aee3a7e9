# An exception that passed through asyncio's own code only still prints
# "Traceback (most recent call last):" above it: a builtin callback that
# raises, a task of wait_for that times out (and, on 3.9-3.10, the
# CancelledError each result() of a cancelled task chains to the one its
# coroutine raised). asyncio's own frames are left out here: asim keeps none.
import asyncio
import sys
import traceback


def report(loop, context):
    exc = context["exception"]
    # Before 3.10 format_exception needs exc.__traceback__, which asim does
    # not have for these exceptions (CPython's holds asyncio's frames).
    if sys.version_info >= (3, 10):
        text = "".join(traceback.format_exception(exc))
    else:
        text = "".join(traceback.format_exception_only(type(exc), exc))
    print(context["message"])
    for line in text.splitlines():
        if line.startswith('  File "'):
            library = __file__ not in line
        elif not line.startswith("    "):
            library = False
        if not library:
            print(line.replace(__file__, "SCRIPT"))
    print("--")


async def slow():
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)
    loop.call_soon(int, "seven")
    await asyncio.sleep(0)
    t = asyncio.ensure_future(asyncio.wait_for(loop.create_future(), 0.5))
    await asyncio.sleep(1)
    loop.call_exception_handler({"message": "wait_for alone", "exception": t.exception()})
    c = asyncio.ensure_future(slow())
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.sleep(0)
    for i in range(2):
        try:
            c.result()
        except asyncio.CancelledError as e:
            print(i, type(e.__context__).__name__)
            loop.call_exception_handler({"message": "cancelled", "exception": e})


asyncio.run(main())
