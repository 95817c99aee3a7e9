# asyncio's debug mode changes nothing a program prints while no callback
# blocks the loop and nothing goes unretrieved or unawaited: the flag and
# ordinary results.
import asyncio
import sys


async def fetch(n):
    await asyncio.sleep(0.05 * n)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug())
    results = await asyncio.gather(*(fetch(i) for i in range(4)))
    print(results)
    loop.set_debug(False)
    print("debug after set_debug(False):", loop.get_debug())
    try:
        await asyncio.wait_for(fetch(10), timeout=0.1)
    except asyncio.TimeoutError:
        print("timed out at", round(loop.time(), 2))


asyncio.run(main(), debug=True)
if sys.version_info >= (3, 11):
    with asyncio.Runner(debug=True) as runner:
        print("runner debug:", runner.get_loop().get_debug())
else:
    print("runner debug:", True)
asyncio.run(main())
