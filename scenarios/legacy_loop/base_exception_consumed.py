# A KeyboardInterrupt raised by the coroutine run_until_complete wrapped in a
# task of its own propagates to the caller; run_until_complete retrieves the
# task's exception itself (the caller cannot reach that task), so no "Task
# exception was never retrieved" report follows at exit.
import asyncio


async def countdown(n):
    while n:
        print("counting", n)
        await asyncio.sleep(0.25)
        n -= 1
    raise KeyboardInterrupt("pretend Ctrl-C")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(countdown(3))
except KeyboardInterrupt as e:
    print("interrupted:", e)
loop.close()
print("closed:", loop.is_closed())
