# asim: python>=3.11
# except* over exception groups: each clause takes the leaves it matches,
# the unhandled rest propagates as a group, naked exceptions get wrapped.
import asyncio


def show(label, eg):
    print(label, type(eg).__name__, repr(eg.message), [repr(e) for e in eg.exceptions])


def split_demo():
    eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
    match, rest = eg.split(ValueError)
    show("match", match)
    show("rest", rest)
    show("inner", match.exceptions[1])
    print(eg.subgroup(KeyError).exceptions[0].exceptions, eg.subgroup(OSError))
    print(eg.split(lambda e: isinstance(e, TypeError))[0].exceptions)
    d = eg.derive([ValueError(9)])
    show("derived", d)
    print(BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__, BaseExceptionGroup("e", [ValueError()]).__class__.__name__)


def clauses():
    try:
        raise ExceptionGroup("many", [ValueError("a"), TypeError("b"), ValueError("c")])
    except* ValueError as e:
        show("value clause", e)
    except* TypeError as e:
        show("type clause", e)
    try:
        try:
            raise ExceptionGroup("partly", [ValueError("a"), KeyError("k")])
        except* ValueError:
            print("handled the ValueError")
    except ExceptionGroup as rest:
        show("rest", rest)
    try:
        raise OSError("naked")
    except* OSError as e:
        show("wrapped", e)
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            raise
        except* TypeError:
            raise RuntimeError("new")
    except ExceptionGroup as e:
        show("reraised", e)
        show("first", e.exceptions[1])
        print(repr(e.exceptions[0]), repr(e.exceptions[0].__context__))
    try:
        try:
            raise ValueError("solo")
        except* ValueError:
            raise KeyError("replaced")
    except KeyError as e:
        print("naked replaced", repr(e), repr(e.__context__))
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (TypeError, ValueError) as e:
        show("tuple", e)
    else:
        print("no else")
    try:
        pass
    except* ValueError:
        print("not reached")
    else:
        print("else runs")
    finally:
        print("finally runs")


async def failing(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"task {n}")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing(1))
            tg.create_task(failing(2))
    except* ValueError as e:
        show("taskgroup", e)
    try:
        await asyncio.gather(failing(1))
    except* ValueError as e:
        show("gather", e)


split_demo()
clauses()
asyncio.run(main())
