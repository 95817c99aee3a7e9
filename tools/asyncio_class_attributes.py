"""Writes model/modules/asyncio_class_attributes.cpp: the attributes that
each installed CPython 3.7-3.13 gives the objects of asyncio's classes
(futures, tasks, handles, locks, queues, the running loop, ...), as dir()
lists them on an instance made the way a program makes it.

Usage: python3 tools/asyncio_class_attributes.py   (needs the pyenv interpreters)

asim models only part of those objects. A program that reads one asim
lacks (`loop._scheduled`, `task.print_stack`) must stop as not modelled
(exit 2), never get an AttributeError that CPython would not raise: the
table says which names CPython has, per version. Dunder names are left
out: they are the runtime's protocol, not an object's surface.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stdlib_names import pair_masks, write_pair_table  # noqa: E402

OUTPUT = os.path.join(ROOT, "model", "modules", "asyncio_class_attributes.cpp")

# Runs inside each interpreter; prints JSON {class: [names]}. The keys are
# the fields of asim's AsyncioTypes.
PROBE = r'''
import asyncio, json, warnings
warnings.simplefilter("ignore")
out = {}
def names(key, obj):
    out[key] = sorted(n for n in dir(obj) if not (n.startswith("__") and n.endswith("__")))
async def child():
    await asyncio.sleep(0)
async def main():
    loop = asyncio.get_running_loop() if hasattr(asyncio, "get_running_loop") else asyncio.get_event_loop()
    names("Loop", loop)
    names("Future", loop.create_future())
    task = loop.create_task(child())
    names("Task", task)
    names("Handle", loop.call_soon(print))
    names("TimerHandle", loop.call_later(1, print))
    names("GatheringFuture", asyncio.gather(child()))
    for key in ["Queue", "LifoQueue", "PriorityQueue", "Event", "Lock", "Condition", "Semaphore", "BoundedSemaphore"]:
        names(key, getattr(asyncio, key)())
    if hasattr(asyncio, "Barrier"):
        names("Barrier", asyncio.Barrier(1))
    if hasattr(asyncio, "timeout"):
        names("Timeout", asyncio.timeout(1))
    if hasattr(asyncio, "TaskGroup"):
        names("TaskGroup", asyncio.TaskGroup())
    await asyncio.sleep(0.01)
    for h in list(getattr(loop, "_scheduled", [])):
        h.cancel()
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print(json.dumps(out))
'''


def main():
    versions_of = pair_masks("asyncio_class_attributes.py", PROBE)
    write_pair_table("asyncio_class_attributes.py", OUTPUT, "the class's objects have the name", "model/modules/asyncio_class_attributes.hpp", "asim::modules", "AsyncioClassAttribute", "kAsyncioClassAttributes", versions_of)


if __name__ == "__main__":
    main()
