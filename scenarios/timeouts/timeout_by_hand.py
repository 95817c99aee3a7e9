# asim: python>=3.11
# asyncio.Timeout used without `async with`: __aenter__/__aexit__ called by
# hand, reschedule(), when(), expired() and the reprs of each state.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(1)
    print(repr(t))
    async with t as cm:
        print(cm is t, repr(t), t.when(), t.expired())
        t.reschedule(loop.time() + 2)
        print(t.when())
        await asyncio.sleep(0.5)
    print(repr(t), t.expired())

    t2 = asyncio.timeout(None)
    print(await t2.__aenter__() is t2, repr(t2), t2.when())
    t2.reschedule(loop.time() + 0.25)
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("cancelled at", loop.time())
        try:
            await t2.__aexit__(type(e), e, None)
        except TimeoutError:
            print("__aexit__ raised TimeoutError", repr(t2), t2.expired())

    t3 = asyncio.Timeout(loop.time() + 5)
    print(repr(t3), isinstance(t3, asyncio.Timeout))
    try:
        t3.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with t3:
        t3.reschedule(None)
        print(repr(t3))
    try:
        async with t3:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
