# An @asynccontextmanager's object has __aenter__ and __aexit__ on its
# class: AsyncExitStack enters it, and a program may drive it by hand.
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager

@asynccontextmanager
async def resource(i):
    print("acquire", i)
    await asyncio.sleep(0.01 * i)
    try:
        yield i * 10
    except KeyError as e:
        print("resource", i, "saw", repr(e))
        raise
    finally:
        print("release", i)

async def main():
    async with AsyncExitStack() as stack:
        values = [await stack.enter_async_context(resource(i)) for i in range(3)]
        print(values)
        stack.push_async_callback(asyncio.sleep, 0)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(resource(4))
            raise KeyError("k")
    except KeyError as e:
        print("came out", repr(e))
    cm = resource(5)
    print(type(cm).__name__, hasattr(type(cm), "__aenter__"), hasattr(type(cm), "__aexit__"))
    print(await cm.__aenter__())
    print(await cm.__aexit__(None, None, None))

asyncio.run(main())
