# The loop's exception handler: what a handler set with
# set_exception_handler receives for a failing callback, for a future whose
# exception nobody retrieved and from call_exception_handler; a handler that
# fails itself; the default handler called directly.
import asyncio


def failing_callback(n):
    raise ValueError("callback %d failed" % n)


seen = []


def message(context):
    # "Exception in callback f(1) at FILE:LINE": only the function name (3.13
    # leaves the arguments out).
    return context["message"].split("(")[0]


def handler(loop, context):
    seen.append(sorted(context))
    print("handler:", message(context))
    print("  keys:", sorted(context))
    print("  exception:", repr(context.get("exception")))
    print("  loop is running loop:", loop is asyncio.get_running_loop())


def broken_handler(loop, context):
    print("broken handler called for:", message(context))
    raise RuntimeError("the handler broke")


async def main():
    loop = asyncio.get_running_loop()
    print("handler at first:", loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print("handler set:", loop.get_exception_handler() is handler)
    loop.call_soon(failing_callback, 1)
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.set_exception(KeyError("lost"))
    del fut
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "custom report", "extra": 42})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(broken_handler)
    loop.call_soon(failing_callback, 2)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print("handler reset:", loop.get_exception_handler())
    print("reports seen:", len(seen))


asyncio.run(main())
