# get_task_factory() is None until one is set; set_task_factory takes a callable
# or None (asim models None, and eager_task_factory from 3.12).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(None)
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError:", e)
    if hasattr(asyncio, "eager_task_factory"):
        loop.set_task_factory(asyncio.eager_task_factory)
        print(loop.get_task_factory() is asyncio.eager_task_factory)

asyncio.run(main())
