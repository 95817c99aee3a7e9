# expect-exit: 2
# expect-stderr-contains: asyncio_subclass_override.py:15: not supported by asim: LoggingQueue.put_nowait overriding asyncio.Queue.put_nowait (asyncio's own methods call it on self; asim's do not)
# asyncio.Queue.put() calls self.put_nowait(): an override would run in
# CPython, and asim's Queue would not call it, so the run stops.
import asyncio


class LoggingQueue(asyncio.Queue):
    def put_nowait(self, item):
        print("put", item)
        super().put_nowait(item)


async def main():
    q = LoggingQueue()
    await q.put(1)


asyncio.run(main())
