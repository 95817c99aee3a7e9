# Before asyncio.run (3.7): get the loop, run a coroutine on it, close it.
# Outside a running loop get_event_loop() makes one; 3.12+ warns that it did.
import asyncio


async def fetch(n):
    await asyncio.sleep(n)
    return n * 10


loop = asyncio.get_event_loop()
print("same loop again:", asyncio.get_event_loop() is loop)
print("running:", loop.is_running(), "closed:", loop.is_closed())
print("result:", loop.run_until_complete(fetch(2)), "at t =", loop.time())
task = loop.create_task(fetch(1))
print("gathered:", loop.run_until_complete(asyncio.gather(task, fetch(3))), "at t =", loop.time())
loop.close()
print("closed:", loop.is_closed())
coro = fetch(1)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
