# asim: python>=3.9
# cancel(msg) passes a message to the CancelledError (3.9+).
import asyncio


async def main():
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel("enough")
    try:
        await task
    except asyncio.CancelledError as exc:
        print("args:", exc.args)


asyncio.run(main())
