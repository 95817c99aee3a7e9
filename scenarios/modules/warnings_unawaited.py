# A coroutine never awaited warns through the same filters: 'error' makes
# the warning an exception raised in a finalizer ("Exception ignored in"),
# 'ignore' hides it, catch_warnings(record=True) keeps it.
import asyncio
import warnings


async def job(n):
    await asyncio.sleep(n)


async def main():
    warnings.simplefilter("error")
    job(1)
    print("after error")
    warnings.simplefilter("ignore")
    job(2)
    print("after ignore")
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        job(3)
    print([(w.category.__name__, str(w.message), w.lineno) for w in got])
    warnings.resetwarnings()
    job(4)
    print("end")


asyncio.run(main())
