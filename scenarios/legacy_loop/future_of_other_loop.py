# run_until_complete(future) with a future of another loop: ensure_future(
# future, loop=self) refuses it (ValueError, worded per version) before the
# loop runs, and the loop stays usable. (A gather made with no loop running
# belongs to the default loop get_event_loop() gives, in the same way.)
import asyncio


async def step(n):
    await asyncio.sleep(0.1 * n)
    return n


loop = asyncio.new_event_loop()
other = asyncio.new_event_loop()
fut = other.create_future()
try:
    loop.run_until_complete(fut)
except ValueError as e:
    print("ValueError:", e)
print("loop still usable:", loop.run_until_complete(step(1)))
other.close()
loop.close()
