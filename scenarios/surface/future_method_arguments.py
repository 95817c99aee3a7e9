# Future and Task methods are written in C: too many arguments get C's
# messages. cancel() takes a message from 3.9 only.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.ensure_future(asyncio.sleep(1))
    calls = [
        ("fut.done(1)", lambda: fut.done(1)),
        ("task.done(1)", lambda: task.done(1)),
        ("fut.result(1)", lambda: fut.result(1)),
        ("task.cancelled(1, 2)", lambda: task.cancelled(1, 2)),
        ("fut.done(x=1)", lambda: fut.done(x=1)),
        ("task.cancel(1, 2)", lambda: task.cancel(1, 2)),
        ("task.cancel('why')", lambda: task.cancel("why")),
    ]
    for label, call in calls:
        try:
            print(label, "->", call())
        except TypeError as e:
            print(label, "TypeError:", e)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled", e.args)


asyncio.run(main())
