# A callback that raises: the loop's exception handler logs it with a
# traceback that starts in Handle._run (events.py).
import asyncio


def tick(n):
    print("tick", n)
    if n == 2:
        raise ZeroDivisionError(n / 0)


def on_done(fut):
    raise RuntimeError(f"callback saw {fut.result()}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick, 1)
    loop.call_soon(tick, 2)
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    fut.set_result("ok")
    await asyncio.sleep(0.05)
    print("main done")


asyncio.run(main())
