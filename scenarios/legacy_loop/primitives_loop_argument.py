# The loop= argument of 3.7-3.9's locks and queues: the object given is what
# _loop holds, whatever it is, and a Condition refuses a lock bound to
# another loop (3.10 refuses loop= itself; 3.11+ have no such parameter).
# A Semaphore checks its value before looking a loop up, so Semaphore(-1)
# outside any loop is a ValueError, not "no current event loop".
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class NotALoop:
    def __repr__(self):
        return "<not a loop>"


def attempt(what, make):
    try:
        return make()
    except (TypeError, ValueError, RuntimeError) as e:
        print(what, type(e).__name__ + ":", e)


asyncio.set_event_loop(None)
attempt("Semaphore(-1)", lambda: asyncio.Semaphore(-1))
attempt("BoundedSemaphore(-2)", lambda: asyncio.BoundedSemaphore(-2))

marker = NotALoop()
for cls in (asyncio.Lock, asyncio.Event, asyncio.Condition, asyncio.Semaphore, asyncio.Queue):
    obj = attempt(cls.__name__, lambda: cls(loop=marker))
    if obj is not None:
        print(cls.__name__, obj._loop is marker, obj._loop)

first = asyncio.new_event_loop()
second = asyncio.new_event_loop()
lock = attempt("Lock(loop=first)", lambda: asyncio.Lock(loop=first))
if lock is not None:
    print(lock._loop is first)
    attempt("Condition(lock, loop=second)", lambda: asyncio.Condition(lock, loop=second))
    cond = asyncio.Condition(lock, loop=first)
    print(cond._loop is first, cond.locked())
    lock._loop = second
    print(lock._loop is second)


async def use():
    held = lock if lock is not None else asyncio.Lock()
    async with held:
        return "held"


print(second.run_until_complete(use()))
first.close()
second.close()
