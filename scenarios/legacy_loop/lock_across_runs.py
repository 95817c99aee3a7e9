# A Lock shared by two asyncio.run calls. Uncontended, it never needs a loop.
# Contended, 3.10+ bind it to the first run's loop and refuse the second;
# 3.7-3.9 tied it to get_event_loop()'s loop when it was made.
import asyncio

lock = asyncio.Lock()


async def hold(name, seconds):
    async with lock:
        print(name, "holds the lock at t =", asyncio.get_running_loop().time())
        await asyncio.sleep(seconds)


async def contended(tag):
    try:
        await asyncio.gather(hold(tag + "-a", 1), hold(tag + "-b", 1))
        print(tag, "done")
    except RuntimeError as e:
        message = str(e)
        print(tag, "RuntimeError: ...", message[message.rindex(">") + 2:])


asyncio.run(hold("solo", 0))
asyncio.run(contended("first"))
asyncio.run(contended("second"))
