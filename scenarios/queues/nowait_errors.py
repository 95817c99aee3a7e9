# get_nowait on an empty queue and put_nowait on a full one raise at once.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.qsize(), q.full(), q.empty(), q.get_nowait())


asyncio.run(main())
