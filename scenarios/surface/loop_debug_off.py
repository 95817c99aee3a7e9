# The loop outside debug mode: get_debug() is False, set_debug(False) and
# asyncio.run(..., debug=False) keep it so, slow_callback_duration is 0.1.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_debug(), loop.slow_callback_duration)
    loop.set_debug(False)
    loop.slow_callback_duration = 0.5
    print(loop.get_debug(), loop.slow_callback_duration)
    await asyncio.sleep(0.1)
    return "done"


print(asyncio.run(main(), debug=False))
