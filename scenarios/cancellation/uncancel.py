# asim: python>=3.11
# cancelling() counts cancel requests; uncancel() takes one back.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        task = asyncio.current_task()
        print("cancelling:", task.cancelling())
        print("uncancel ->", task.uncancel())
    return "survived"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t, "cancelled?", t.cancelled())


asyncio.run(main())
