# asim: python>=3.11
# Which errors a TaskGroup collects, and in which order: two tasks failing in
# the same tick, a task that cancels itself (ignored), an error in the body
# of `async with` (appended last), and create_task refused while the group
# shuts down. From 3.12 on, tasks may also run eagerly: one that finishes or
# fails inside create_task is handled at once, before create_task returns.
import asyncio
import sys


def now():
    return asyncio.get_running_loop().time()


async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    print(f"  raising {exc!r} at t={now()}")
    raise exc


async def cancels_itself():
    await asyncio.sleep(0.05)
    print(f"  cancelling myself at t={now()}")
    raise asyncio.CancelledError()


async def same_tick():
    print("same tick:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(cancels_itself())
            tg.create_task(fail_after(0.1, ValueError("first")))
            tg.create_task(fail_after(0.1, TypeError("second")))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(f"  {eg!r} at t={now()}")


async def body_error():
    print("body error:")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.1, KeyError("child")))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(f"  body cancelled at t={now()}")
            coro = fail_after(0, ValueError("never"))
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                print(f"  RuntimeError: {e}")
            coro.close()
            1 / 0
    except ExceptionGroup as eg:
        print(f"  {eg!r} at t={now()}")
        print(f"  context: {type(eg.__context__).__name__}, cause: {eg.__cause__}")


async def fail_now(exc):
    print(f"  raising {exc!r} at t={now()}")
    raise exc


async def quick(x):
    print(f"  quick({x}) runs at t={now()}")
    return x


async def eager():
    print("eager:")
    loop = asyncio.get_running_loop()
    if sys.version_info >= (3, 12):
        loop.set_task_factory(asyncio.eager_task_factory)
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(quick(1))
            print(f"  after create_task: done={a.done()} {tg!r}")
            b = tg.create_task(fail_now(ValueError("eager")))
            print(f"  after create_task: done={b.done()} {tg!r} cancelling={me.cancelling()}")
            try:
                await asyncio.sleep(0.5)
            except asyncio.CancelledError:
                print(f"  body cancelled at t={now()}")
                raise
    except ExceptionGroup as eg:
        print(f"  {eg!r} at t={now()} cancelling={me.cancelling()}")
    if sys.version_info >= (3, 12):
        loop.set_task_factory(None)


async def main():
    await same_tick()
    await body_error()
    await eager()


asyncio.run(main())
