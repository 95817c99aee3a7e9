# shield: cancelling the outer await does not cancel the inner task.
import asyncio


async def inner():
    await asyncio.sleep(0.2)
    print(f"inner finished at t={asyncio.get_running_loop().time()}")
    return "inner result"


async def main():
    task = asyncio.create_task(inner())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.1)
    except asyncio.TimeoutError:
        print(f"timed out at t={asyncio.get_running_loop().time()}; inner cancelled? {task.cancelled()}")
    print(await task)


asyncio.run(main())
