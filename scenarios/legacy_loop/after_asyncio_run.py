# asyncio.run() sets its own loop as the current one and unsets it when it is
# done, so get_event_loop() afterwards finds none and may not make one.
import asyncio


async def main():
    loop = asyncio.get_event_loop()
    print("inside run, get_event_loop() is the running loop:", loop is asyncio.get_running_loop())
    return loop


loop = asyncio.run(main())
print("run's loop is closed:", loop.is_closed())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
coro = main()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
