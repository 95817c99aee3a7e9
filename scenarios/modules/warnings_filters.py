# warnings.warn through the filters: the default action shows a warning once
# per line, DeprecationWarning only when raised in __main__, simplefilter and
# filterwarnings change that; formatwarning gives CPython's text.
import asyncio
import warnings


def shown(message, category, filename, lineno, file=None, line=None):
    text = warnings.formatwarning(message, category, filename, lineno, line)
    print("shown:", text.replace(filename, "FILE"), end="")


warnings.showwarning = shown


def old_api():
    warnings.warn("old_api() is deprecated, use new_api()", DeprecationWarning, stacklevel=2)
    return 1


def helper():
    warnings.warn("helper warns from inside")


async def worker(n):
    for i in range(2):
        warnings.warn("worker %d iteration" % n, RuntimeWarning)
        await asyncio.sleep(0.1)
    return n


async def main():
    old_api()
    old_api()
    helper()
    helper()
    print(await asyncio.gather(worker(1), worker(2)))
    warnings.warn(UserWarning("an instance"))
    warnings.warn("a future change", FutureWarning)
    warnings.warn("pending", PendingDeprecationWarning)
    warnings.simplefilter("always")
    for _ in range(2):
        warnings.warn("always shown")
    warnings.simplefilter("once", UserWarning)
    for _ in range(2):
        warnings.warn("once only")
    warnings.warn("once only")
    warnings.filterwarnings("error", message="fatal", category=RuntimeWarning)
    try:
        warnings.warn("Fatal condition %d" % 3, RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))
    warnings.filterwarnings("ignore", message=".*noisy")
    warnings.warn("very noisy text")
    warnings.warn("quiet text")
    try:
        warnings.warn("x", category=3)
    except TypeError as e:
        print("TypeError:", e)
    warnings.resetwarnings()
    warnings.warn("after resetwarnings", DeprecationWarning)
    print(warnings.filters)
    print(repr(warnings.formatwarning("text", UserWarning, "nofile.py", 3)))
    print(warnings.formatwarning("text", DeprecationWarning, "nofile.py", 3, "   given line   "), end="")


asyncio.run(main())
