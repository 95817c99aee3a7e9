# `async for` over as_completed needs 3.13; before, the generator has no __aiter__.
import asyncio


async def main():
    tasks = [asyncio.create_task(asyncio.sleep(0.1, "a"))]
    try:
        async for t in asyncio.as_completed(tasks):
            print("got", t.result())
    except TypeError as exc:
        print("TypeError:", exc)
        await tasks[0]


asyncio.run(main())
