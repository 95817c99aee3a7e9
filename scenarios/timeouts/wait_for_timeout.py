# wait_for cancels the awaited task on timeout; the exception class is
# asyncio.TimeoutError, the builtin TimeoutError only from 3.11.
import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"  slow: cancelled at t={asyncio.get_running_loop().time()}")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except asyncio.TimeoutError as exc:
        print(f"t={asyncio.get_running_loop().time()}:", type(exc).__name__,
              "is builtin TimeoutError:", type(exc) is TimeoutError)


asyncio.run(main())
