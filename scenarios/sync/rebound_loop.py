# asim: python>=3.10
# _loop of a lock is a plain attribute: written with another loop, the next
# wait on the lock finds the mismatch ("is bound to a different event loop");
# written with None, the lock binds the running loop again at its next wait.
import asyncio


async def main(other):
    lock = asyncio.Lock()
    print(lock._loop)
    async with lock:
        pass
    print(lock._loop is asyncio.get_running_loop())
    lock._loop = other
    print(lock._loop is other)

    async def take():
        async with lock:
            return "took it"

    async with lock:
        task = asyncio.create_task(take())
        await asyncio.sleep(0)
    try:
        print(await task)
    except RuntimeError as e:
        print("RuntimeError:", "is bound to a different event loop" in str(e))

    lock._loop = None
    async with lock:
        task = asyncio.create_task(take())
        await asyncio.sleep(0)
    print(await task, lock._loop is asyncio.get_running_loop())

    event = asyncio.Event()
    event._loop = other
    waiter = asyncio.create_task(event.wait())
    await asyncio.sleep(0)
    try:
        await waiter
    except RuntimeError as e:
        print("Event RuntimeError:", "is bound to a different event loop" in str(e))

other = asyncio.new_event_loop()
asyncio.run(main(other))
other.close()
