# asim: python>=3.8
# Tasks are named Task-N by a counter shared by the whole program.
import asyncio


async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    tasks = [asyncio.create_task(asyncio.sleep(0)) for _ in range(3)]
    print([t.get_name() for t in tasks])
    named = asyncio.create_task(asyncio.sleep(0), name="custom")
    after = asyncio.create_task(asyncio.sleep(0))
    print(named.get_name(), after.get_name())
    await asyncio.gather(*tasks, named, after)


asyncio.run(main())
