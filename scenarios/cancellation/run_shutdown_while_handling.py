# When main fails, asyncio.run cancels the leftover tasks inside its
# `finally:` (3.7-3.10) or its Runner's __exit__ (3.11+), while main's
# exception is the one being handled: the CancelledError a leftover task
# sees, and what it raises in turn, chain to it.
import asyncio
import sys

async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("cancelled; context:", repr(e.__context__), sys.exc_info()[0].__name__)
        raise LookupError("while cancelling")

async def main():
    asyncio.create_task(leftover())
    await asyncio.sleep(0.1)
    raise ValueError("main failed")

try:
    asyncio.run(main())
except ValueError as e:
    print("run raised", repr(e), repr(e.__context__))
print(sys.exc_info())
