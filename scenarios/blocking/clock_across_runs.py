# The time module's clock never goes back, though each asyncio.run starts its
# loop's clock at 0.0; time.sleep() outside any loop moves it on too.
import asyncio
import time


async def wait(seconds):
    await asyncio.sleep(seconds)
    return asyncio.get_running_loop().time()


start = time.monotonic()
print("started at", time.strftime("%H:%M:%S"))
print("first run, loop time", asyncio.run(wait(1.5)))
time.sleep(0.25)
print("second run, loop time", asyncio.run(wait(2)))
print(f"elapsed {time.monotonic() - start} s, finished at {time.strftime('%X')}")
print("time_ns - time:", time.time_ns() // 10**9 - int(time.time()))
