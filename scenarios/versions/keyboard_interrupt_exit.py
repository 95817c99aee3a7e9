# An uncaught KeyboardInterrupt prints its traceback; from 3.8 the process
# then ends by SIGINT itself (status 130 in a shell, -2 from subprocess), as
# one stopped by Ctrl-C does; 3.7 exits with status 1.
import asyncio


async def poll(attempts):
    for n in range(attempts):
        await asyncio.sleep(1)
        print("poll", n)
    raise KeyboardInterrupt


asyncio.run(poll(2))
