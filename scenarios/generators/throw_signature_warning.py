# 3.12+ warn (DeprecationWarning) when throw() or athrow() is given the
# (type, value[, traceback]) form; the single-argument form never warns.
# The warnings are recorded and printed, with the line they point at.
import asyncio
import warnings


def numbers():
    try:
        yield 1
        yield 2
    except LookupError as e:
        yield "caught " + repr(e)


async def letters():
    try:
        yield "a"
    except LookupError as e:
        yield "caught " + repr(e)


def show(caught):
    for w in caught:
        print(" ", w.category.__name__, "line", w.lineno, str(w.message)[:45])


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = numbers()
        next(g)
        print(g.throw(KeyError("one")))
        g = numbers()
        next(g)
        print(g.throw(KeyError, "two"))
        g = numbers()
        next(g)
        print(g.throw(IndexError, IndexError("three"), None))
        a = letters()
        await a.__anext__()
        print(await a.athrow(KeyError("four")))
        a = letters()
        await a.__anext__()
        print(await a.athrow(KeyError, "five"))
    show(caught)


asyncio.run(main())
