# A coroutine handed to a closed loop (or to asyncio.create_task with no
# loop running) is a local of the frame that raised: the RuntimeError's
# traceback keeps it, unawaited, until the except clause drops the
# exception. 3.10+ ensure_future closes the coroutine it could not wrap.
import asyncio


async def job(tag):
    return tag


loop = asyncio.new_event_loop()
loop.close()
try:
    loop.create_task(job("create_task"))
except RuntimeError as e:
    print("create_task:", e)
    print("still in the handler")
try:
    asyncio.ensure_future(job("ensure_future"), loop=loop)
except RuntimeError as e:
    print("ensure_future:", e)
try:
    asyncio.create_task(job("no loop"))
except RuntimeError as e:
    print("asyncio.create_task:", e)
try:
    loop.call_soon(print, job("call_soon argument"))
except RuntimeError as e:
    print("call_soon:", e)
try:
    loop.call_later(1, print, job("call_later argument"))
except RuntimeError as e:
    print("call_later:", e)
print("end")
