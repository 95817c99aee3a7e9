# asyncio's own DeprecationWarning (loop= on 3.8-3.9) passes through the
# warnings filters: recorded, raised under 'error', hidden under 'ignore'.
import asyncio
import sys
import warnings


async def main():
    loop = asyncio.get_running_loop()
    takes_loop = sys.version_info < (3, 10)
    kwargs = {"loop": loop} if takes_loop else {}
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        await asyncio.wait_for(asyncio.sleep(0.1), 1, **kwargs)
    print([(w.category.__name__, str(w.message)) for w in got])
    warnings.simplefilter("error", DeprecationWarning)
    try:
        await asyncio.sleep(0.1, **kwargs)
        print("slept")
    except DeprecationWarning as e:
        print("raised:", e)
    warnings.simplefilter("ignore")
    print(await asyncio.gather(asyncio.sleep(0.1, "r"), **kwargs))
    warnings.resetwarnings()
    await asyncio.sleep(0.1, **kwargs)
    print("done at", loop.time())


asyncio.run(main())
