# How deep a recursion gets before RecursionError depends on the frames
# below it: asyncio.run's and the event loop's under a task or a callback
# (3.11 added Runner.run; 3.12 stopped counting the C calls between them,
# Context.run and the C Task.__step), run_until_complete's and
# run_forever's own; 3.12's inlined comprehensions take no frame.
import asyncio


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def from_callback(fut):
    print("callback", depth())
    fut.set_result(None)


async def awaited():
    return depth()


async def job():
    print("task", depth())
    await asyncio.sleep(0.5)
    print("task after a timer", depth())


async def main():
    print("main", depth())
    print("awaited coroutine", await awaited())
    await asyncio.create_task(job())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(from_callback, fut)
    await fut
    print("comprehension", [depth() for _ in "x"])


print("module", depth())
print("module comprehension", {depth() for _ in "x"})
asyncio.run(main())
loop = asyncio.new_event_loop()
loop.run_until_complete(job())
loop.call_soon(lambda: print("run_forever callback", depth()) or loop.stop())
loop.run_forever()
loop.close()
