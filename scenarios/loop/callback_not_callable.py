# A common slip: call_soon(report()) schedules report's result, not report.
# Outside debug mode the loop takes anything (the handle would fail when it
# runs; these are cancelled first), and a None callback's handle reprs as
# "<Handle>". In debug mode _check_callback refuses it at once.
import asyncio


def report(tag):
    print("report", tag)


async def main():
    loop = asyncio.get_running_loop()
    print("debug", loop.get_debug())
    handle = loop.call_soon(report("now"))
    print(repr(handle))
    timer = loop.call_later(0.1, 42)
    print(repr(timer))
    handle.cancel()
    timer.cancel()
    print(repr(handle), repr(timer))
    await asyncio.sleep(0.2)
    print("nothing ran")


async def checked():
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    for bad in (None, "text"):
        try:
            loop.call_soon(bad)
        except TypeError as exc:
            print("call_soon:", exc)
    try:
        loop.call_later(1, print("printed first"))
    except TypeError as exc:
        print("call_later:", exc)
    try:
        loop.call_soon(main)
    except TypeError as exc:
        print("coroutine function:", exc)
    loop.set_debug(False)


asyncio.run(main())
asyncio.run(checked())
