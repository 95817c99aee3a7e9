# as_completed over sleep() coroutines with results: completion order, not argument order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    aws = [asyncio.sleep(0.3, "x"), asyncio.sleep(0.1, "y"), asyncio.sleep(0.2, "z")]
    got = []
    for item in asyncio.as_completed(aws):
        got.append(await item)
        print(f"t={loop.time()}", got[-1])
    print(got)


asyncio.run(main())
