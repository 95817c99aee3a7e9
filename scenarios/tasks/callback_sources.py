# A task's repr lists its done callbacks; asyncio's own functions among them
# come with the file and line CPython's Lib defines them at (here printed
# from "asyncio/" on, the install folder left out): run_until_complete's
# callback on the main task, gather's and wait's on a child. A bound method
# or a builtin (id) shows no location.
import asyncio
import re


def shown(obj):
    text = re.sub(r" at 0x[0-9a-f]+", "", repr(obj))
    text = re.sub(r"(<Task\w*(Meth)?Wrapper object)", "<wrapper", text)
    text = re.sub(r"Task\.task_wakeup\(\)", "<wrapper>()", text)
    text = re.sub(r"\S*/(asyncio/\w+\.py:\d+)", r"\1", text)
    return re.sub(r"\S*(callback_sources\.py)", r"\1", text)


def callbacks(task):
    return shown(task).rsplit(" cb=[", 1)[-1]


class Listener:
    def done(self, fut):
        pass


async def child(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    print(shown(asyncio.current_task()))
    first = asyncio.create_task(child(1), name="first") if hasattr(asyncio.Task, "get_name") else asyncio.ensure_future(child(1))
    second = asyncio.ensure_future(child(2))
    group = asyncio.gather(first, second)
    await asyncio.sleep(0)
    print(callbacks(first))
    waiting = asyncio.ensure_future(asyncio.wait([second], timeout=5))
    await asyncio.sleep(0)
    print(callbacks(second))
    first.add_done_callback(Listener().done)
    first.add_done_callback(id)
    print(callbacks(first))
    print(await group)
    print(shown(first))
    await waiting


asyncio.run(main())
