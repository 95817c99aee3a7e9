# An exception's __traceback__ as tutorials walk it: tb_lineno, tb_next,
# tb_frame.f_code.co_name, traceback.extract_tb / format_tb / format_list,
# sys.exc_info()[2], format_exception with the traceback and with None, and
# 3.10+'s one-argument format_exception / print_exception.
import asyncio
import sys
import traceback


async def fail(n):
    await asyncio.sleep(0.1)
    raise ValueError(f"bad {n}")


async def middle(n):
    return await fail(n)


async def main():
    try:
        await middle(1)
    except ValueError as e:
        tb = e.__traceback__
        print(type(tb).__name__, tb is not None, sys.exc_info()[2] is not None)
        while tb is not None:
            print(" ", tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_code.co_filename == __file__)
            tb = tb.tb_next
        for fs in traceback.extract_tb(e.__traceback__):
            print(" ", fs.name, fs.lineno, fs.line, repr(fs).startswith("<FrameSummary file "))
        last = traceback.extract_tb(sys.exc_info()[2])[-1]
        name, line = last.name, last.lineno
        print("raised in", name, "at line", line)
        filename, lineno, func, text = last
        print(func, lineno, text)
        print(traceback.format_tb(e.__traceback__, limit=1)[0].replace(__file__, "FILE"), end="")
        print(traceback.format_tb(e.__traceback__, limit=-1)[0].replace(__file__, "FILE"), end="")
        text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        print(text.replace(__file__, "FILE"), end="")
        print(traceback.format_exception(type(e), e, None))
        print(traceback.format_exception_only(type(e), e))
        print("".join(traceback.format_list(traceback.extract_tb(e.__traceback__))).replace(__file__, "FILE"), end="")
    results = await asyncio.gather(fail(2), fail(3), return_exceptions=True)
    for r in results:
        print(repr(r), r.__traceback__.tb_frame.f_code.co_name)
    if sys.version_info >= (3, 10):
        print("".join(traceback.format_exception(results[0])).replace(__file__, "FILE"), end="")
        print(traceback.format_exception(results[1])[-2].replace(__file__, "FILE"), end="")
    e = ValueError("never raised")
    print(e.__traceback__, traceback.format_exception(type(e), e, e.__traceback__))
    try:
        raise KeyError("k").with_traceback(None)
    except KeyError as k:
        print(k.__traceback__.tb_frame.f_code.co_name, k.__traceback__.tb_next)


asyncio.run(main())
