# What the default exception handler writes to stderr: the message, every
# other key of the context but 'exception' in sorted order with its repr,
# then the exception's traceback. A failing call_soon callback goes there.
import asyncio


def failing_callback():
    raise ValueError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.default_exception_handler({"message": "direct call", "zeta": 1, "alpha": "a"})
    loop.default_exception_handler({})
    loop.call_exception_handler({"message": "no exception here", "detail": [1, 2]})
    loop.call_soon(failing_callback)
    await asyncio.sleep(0)
    print("the loop goes on")


asyncio.run(main())
