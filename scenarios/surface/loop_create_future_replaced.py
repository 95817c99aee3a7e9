# Replacing loop.create_future: asyncio's own futures (sleep, Lock's waiters)
# come from the replacement; deleting it restores the loop's own; a loop
# keeps other attributes set on it.
import asyncio

made = []


class Tracked(asyncio.Future):
    pass


async def main():
    loop = asyncio.get_running_loop()

    def create_future():
        made.append('future')
        return asyncio.Future(loop=loop)
    loop.create_future = create_future
    await asyncio.sleep(0.01)
    lock = asyncio.Lock()
    await lock.acquire()
    waiter = asyncio.ensure_future(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    await waiter
    print(made, loop.create_future is create_future)
    del loop.create_future
    await asyncio.sleep(0.01)
    print(made)
    loop.note = 'kept'
    print(loop.note)

asyncio.run(main())
