# expect-exit: 2
# expect-stderr-contains: not supported by asim: asyncio's debug mode reporting "Task exception was never retrieved"
# Debug mode adds where the task was created to the report.
import asyncio


async def fail():
    raise ValueError("lost")


async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)


asyncio.run(main(), debug=True)
