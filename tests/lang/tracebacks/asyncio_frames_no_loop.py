# asyncio.create_task with no running loop: RuntimeError from create_task's
# own frame in tasks.py.
import asyncio


async def job():
    return 1


task = asyncio.create_task(job())
