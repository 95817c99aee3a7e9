# asim: python>=3.11
# Nested TaskGroups: a failure deep inside cancels the inner group's other
# task, the inner group's ExceptionGroup fails the task that ran it, and that
# cancels the outer group's other task and body. The outer ExceptionGroup
# holds the inner one. Each group cancels at most one task at a time, so the
# output does not depend on set order.
import asyncio


def now():
    return asyncio.get_running_loop().time()


async def leaf(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"  {name} cancelled at t={now()}")
        raise
    if fail:
        print(f"  {name} fails at t={now()}")
        raise ValueError(name)
    print(f"  {name} done at t={now()}")
    return name


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("inner-ok", 0.05))
        tg.create_task(leaf("inner-slow", 2))
        tg.create_task(leaf("inner-bad", 0.2, fail=True))
    return "never"


def show(eg, depth=1):
    pad = "  " * depth
    print(f"{pad}{type(eg).__name__}: {eg}")
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            show(e, depth + 1)
        else:
            print(f"{pad}  {e!r}")


async def main():
    me = asyncio.current_task()
    print("start")
    try:
        async with asyncio.TaskGroup() as outer:
            runner = outer.create_task(inner_group())
            other = outer.create_task(leaf("outer-other", 1))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"  outer body cancelled at t={now()}, cancelling={me.cancelling()}")
                raise
    except ExceptionGroup as eg:
        print(f"caught at t={now()}")
        show(eg)
        match, rest = eg.split(ValueError)
        print("split:", match is not None, rest)
        print("runner:", type(runner.exception()).__name__, "other cancelled:", other.cancelled())
    print(f"cancelling={me.cancelling()}")
    await asyncio.sleep(0.1)
    print(f"end at t={now()}")


asyncio.run(main())
