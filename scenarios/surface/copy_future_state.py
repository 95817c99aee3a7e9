# asyncio.futures._copy_future_state(source, dest), which CPython's own
# tests call: dest takes the source's result, exception or cancellation,
# unless dest was cancelled already; a pending source is an AssertionError.
import asyncio
from asyncio import futures

loop = asyncio.new_event_loop()


def pair():
    return loop.create_future(), loop.create_future()


source, dest = pair()
source.set_result(10)
futures._copy_future_state(source, dest)
print(dest.done(), dest.result())

source, dest = pair()
source.set_exception(RuntimeError("copied"))
futures._copy_future_state(source, dest)
print(repr(dest.exception()), dest.exception() is source.exception())

source, dest = pair()
source.cancel()
futures._copy_future_state(source, dest)
print(dest.cancelled())

source, dest = pair()
source.set_result(1)
dest.cancel()
futures._copy_future_state(source, dest)
print(dest.cancelled())

for done_side in ("dest", None):
    source, dest = pair()
    if done_side:
        source.set_result(1)
        dest.set_result(2)
    try:
        futures._copy_future_state(source, dest)
    except AssertionError as e:
        print("AssertionError", repr(e))
    source.cancel()
    dest.cancel()
loop.close()
