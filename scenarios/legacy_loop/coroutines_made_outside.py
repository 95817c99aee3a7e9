# asyncio.sleep, wait and wait_for are coroutine functions: called before any
# loop runs they only make the coroutine, which finds the loop when
# run_until_complete starts it (their argument checks wait until then too).
import asyncio


async def brew(kind, minutes):
    await asyncio.sleep(minutes)
    print(f"{kind} ready after {minutes} min")
    return kind


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

nap = asyncio.sleep(2, result="refreshed")
print(type(nap).__name__)
print(loop.run_until_complete(nap), loop.time())

pots = [loop.create_task(brew(k, m)) for k, m in [("green", 3), ("black", 1), ("oolong", 2)]]
waiting = asyncio.wait(pots, return_when=asyncio.FIRST_COMPLETED)
done, pending = loop.run_until_complete(waiting)
print([t.result() for t in done], len(pending))

limited = asyncio.wait_for(brew("herbal", 10), timeout=4)
try:
    loop.run_until_complete(limited)
except asyncio.TimeoutError:
    print("herbal timed out at", loop.time())

bad = asyncio.wait([])
print("made the bad call")
try:
    loop.run_until_complete(bad)
except ValueError as e:
    print("ValueError:", e)

loop.run_until_complete(asyncio.wait(pending))
loop.close()
