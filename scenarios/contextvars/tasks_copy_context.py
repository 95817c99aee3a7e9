# Each task runs in a copy of the context taken when it was created: it sees
# what was set before, and what it sets stays its own. Callbacks run in the
# context current when they were scheduled, or in the one given.
import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")
trail = []


async def handler(name, delay):
    print(name, "starts as", user.get())
    user.set(name)
    await asyncio.sleep(delay)
    print(name, "still sees", user.get())
    return user.get()


def report(label):
    trail.append((label, user.get()))


async def main():
    loop = asyncio.get_running_loop()
    user.set("main")
    first = asyncio.ensure_future(handler("alice", 0.2))
    user.set("main-2")
    second = asyncio.ensure_future(handler("bob", 0.1))
    loop.call_soon(report, "call_soon")
    loop.call_later(0.05, report, "call_later")
    other = contextvars.Context()
    loop.call_soon(report, "own context", context=other)
    first.add_done_callback(lambda fut: report("done callback"))
    print(await asyncio.gather(first, second))
    print("main sees", user.get())
    await asyncio.sleep(0)
    print(trail)
    results = []
    loop.call_soon(lambda: results.append(user.set("from callback")))
    await asyncio.sleep(0)
    print("a callback's set stays in its copy:", user.get(), type(results[0]).__name__)


user.set("before run")
asyncio.run(main())
print("after run:", user.get())
