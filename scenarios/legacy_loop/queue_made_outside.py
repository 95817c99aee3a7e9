# A Queue made before asyncio.run: 3.7-3.9 tie it to get_event_loop()'s loop
# when it is made, which is not the loop asyncio.run makes, so a task that has
# to wait on it fails; 3.10+ bind it to the loop that first needs it.
import asyncio

queue = asyncio.Queue()


async def consumer():
    item = await queue.get()
    print("consumer got", item)


async def main():
    task = asyncio.create_task(consumer())
    await asyncio.sleep(1)
    queue.put_nowait("hello")
    try:
        await task
    except RuntimeError as e:
        message = str(e)
        print("RuntimeError: ... got", message[message.index(" got ") + 5:])


asyncio.run(main())
