# asim: python>=3.12
# With the eager task factory a task's first step runs inside create_task.
import asyncio


async def child(name):
    print(f"{name}: first step")
    await asyncio.sleep(0)
    print(f"{name}: second step")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(child("lazy"))
    print("lazy task created")
    await t
    loop.set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(child("eager"))
    print("eager task created")
    await t


asyncio.run(main())
