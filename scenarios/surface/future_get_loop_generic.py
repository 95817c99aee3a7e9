# Future.get_loop() and Task.get_loop() (3.7+) hand back the running loop
# object; from 3.9 Future, Task and Queue subscript to generic aliases (for
# annotations evaluated at run time), a TypeError before.
import asyncio
import contextvars


async def pause(n):
    await asyncio.sleep(n)
    return n


class JobQueue(asyncio.Queue):
    pass


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(pause(1))
    fut = loop.create_future()
    print("task loop:", task.get_loop() is loop)
    print("future loop:", fut.get_loop() is loop)
    print("debug:", loop.get_debug())
    loop.set_debug(False)
    fut.set_result("x")
    print(await fut, await task)
    for cls in (asyncio.Future, asyncio.Task, asyncio.Queue, JobQueue, contextvars.ContextVar):
        try:
            alias = cls[int]
        except TypeError as e:
            print(cls.__name__, "TypeError:", e)
        else:
            print(cls.__name__, alias, alias is cls)


asyncio.run(main())
