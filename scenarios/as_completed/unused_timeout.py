# A timeout that never fires is cancelled when the last task completes; the
# loop does not wait for it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for item in asyncio.as_completed([asyncio.sleep(0.01, "a")], timeout=10):
        print(await item, "at", loop.time())
    print("main done at", loop.time())


asyncio.run(main())
print("run returned")
