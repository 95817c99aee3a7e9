# A task woken by a cancelled future gets the CancelledError that
# future_get_result raises with PyErr_SetObject: chained to the exception
# being handled while the loop runs, here a KeyError around
# run_until_complete.
import asyncio

async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter:", repr(e.__context__))
        raise

async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("main:", repr(e.__context__)[:40])
    t2 = asyncio.ensure_future(waiter(fut))
    await asyncio.sleep(0)
    fut.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled")

loop = asyncio.new_event_loop()
try:
    {}["missing"]
except KeyError:
    loop.run_until_complete(main())
loop.close()
