# The classic statements about as_completed, gather, wait and friends, each
# checked as a claim; `asim check` tabulates them per version and
# docs/claims.md lists CPython's verdicts.
import asyncio
import sys

import asim


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def as_completed_claims():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    items = list(asyncio.as_completed(tasks))
    asim.claim("as_completed (plain iteration) yields coroutines", all(asyncio.iscoroutine(i) for i in items))
    asim.claim("as_completed items are not Futures", not any(asyncio.isfuture(i) for i in items))
    asim.claim("as_completed items are none of the tasks passed in", not any(i in tasks for i in items))
    asim.claim("an as_completed item's __qualname__ is as_completed.<locals>._wait_for_one",
               items[0].__qualname__ == "as_completed.<locals>._wait_for_one")
    results = []
    for item in reversed(items):
        results.append(await item)
    asim.claim("legacy items awaited in reverse order still give completion order", results == ["b", "c", "a"])

    before = len(asyncio.all_tasks())
    it = asyncio.as_completed([job("x", 0.1), job("y", 0.2)])
    asim.claim("as_completed creates no task before the first next()", len(asyncio.all_tasks()) == before)
    for item in it:
        await item

    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.2), ("b", 0.1)]]
    got = []
    try:
        async for t in asyncio.as_completed(tasks):
            got.append(t)
    except TypeError:
        for t in tasks:
            await t
    asim.claim("async for over as_completed yields the original Task objects", got == [tasks[1], tasks[0]])

    tasks = [asyncio.create_task(job(n, d)) for n, d in [("slow", 1.0), ("fast", 0.1)]]
    timed_out = False
    for item in asyncio.as_completed(tasks, timeout=0.5):
        try:
            await item
        except asyncio.TimeoutError:
            timed_out = True
    asim.claim("an as_completed timeout raises TimeoutError from the items", timed_out)
    asim.claim("an as_completed timeout does not cancel the tasks", not tasks[0].cancelled() and not tasks[0].done())
    tasks[0].cancel()


async def loop_claims():
    loop = asyncio.get_running_loop()
    fired = []
    for i in range(5):
        loop.call_at(loop.time() + 1, fired.append, i)
    await asyncio.sleep(2)
    asim.claim("equal deadlines fire in heap order, not scheduling order", fired == [0, 2, 1, 3, 4])
    asim.claim("equal deadlines fire in scheduling order", fired == [0, 1, 2, 3, 4])

    fut = loop.create_future()
    seen = []
    fut.add_done_callback(lambda f: seen.append("callback"))
    fut.set_result(1)
    asim.claim("set_result does not call done-callbacks inline", seen == [])
    await asyncio.sleep(0)
    asim.claim("done-callbacks run in the next loop iteration", seen == ["callback"])

    order = []

    async def step(name):
        order.append(name + "1")
        await asyncio.sleep(0)
        order.append(name + "2")

    await asyncio.gather(step("a"), step("b"))
    asim.claim("sleep(0) lets the other ready task run", order == ["a1", "b1", "a2", "b2"])


async def gather_wait_claims():
    results = await asyncio.gather(job("a", 0.2), job("b", 0.1))
    asim.claim("gather returns results in argument order", results == ["a", "b"])
    results = await asyncio.gather(job("ok", 0.1), job("bad", 0.1, fail=True), return_exceptions=True)
    asim.claim("gather(return_exceptions=True) puts the exception in place", isinstance(results[1], ValueError))

    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.2), ("b", 0.1)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    asim.claim("wait(FIRST_COMPLETED) returns while other tasks are pending", len(done) == 1 and len(pending) == 1)
    await asyncio.wait(pending)

    inner = asyncio.create_task(job("inner", 1.0))
    try:
        await asyncio.wait_for(inner, timeout=0.1)
    except asyncio.TimeoutError:
        pass
    asim.claim("wait_for cancels the awaited task on timeout", inner.cancelled())

    counts = []

    async def count_tasks():
        counts.append(len(asyncio.all_tasks()))
        return 1

    before = len(asyncio.all_tasks())
    await asyncio.wait_for(count_tasks(), timeout=1)
    asim.claim("wait_for runs a coroutine in a task of its own", counts[0] == before + 1)

    shielded = asyncio.create_task(job("shielded", 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(shielded), timeout=0.1)
    except asyncio.TimeoutError:
        pass
    asim.claim("shield keeps the inner task running when the outer await is cancelled", not shielded.cancelled())
    await shielded


async def cancellation_claims():
    cleaned = []

    async def worker():
        try:
            await asyncio.sleep(10)
        finally:
            cleaned.append(True)

    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    asim.claim("a cancelled task's finally block runs", cleaned == [True])
    asim.claim("a task cancelled while waiting ends cancelled", t.cancelled())

    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    message = None
    try:
        t.cancel("stop")
        await t
    except asyncio.CancelledError as exc:
        message = exc.args[0] if exc.args else None
    except TypeError:
        message = None
    asim.claim("cancel(msg) reaches the code awaiting the task", message == "stop")


async def main():
    asim.claim("asyncio.run runs main as Task-1",
               hasattr(asyncio.current_task(), "get_name") and asyncio.current_task().get_name() == "Task-1")
    await loop_claims()
    await as_completed_claims()
    await gather_wait_claims()
    await cancellation_claims()


asim.claim("CancelledError is an Exception", issubclass(asyncio.CancelledError, Exception))
asim.claim("CancelledError is a BaseException", issubclass(asyncio.CancelledError, BaseException))
asim.claim("asyncio.TimeoutError is the builtin TimeoutError", asyncio.TimeoutError is TimeoutError)
asim.claim("asyncio.TaskGroup exists", hasattr(asyncio, "TaskGroup"))
asim.claim("asyncio.timeout exists", hasattr(asyncio, "timeout"))
asim.claim("asyncio.eager_task_factory exists", hasattr(asyncio, "eager_task_factory"))
asim.claim("Task.cancelling exists", hasattr(asyncio.Task, "cancelling"))
print("python", sys.version_info[:2])
asyncio.run(main())
print("done")
