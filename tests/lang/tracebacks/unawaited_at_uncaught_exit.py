# A run that ends in an uncaught exception while a coroutine was never
# awaited, kept alive by a reference cycle until the collector frees it at
# exit, together with the function it came from: the warning at shutdown
# names the coroutine (asim once read that name after freeing it).
import asyncio


class Holder:
    def __init__(self):
        async def helper_that_nobody_awaits():
            pass

        self.me = self
        self.coro = helper_that_nobody_awaits()


async def main():
    await asyncio.sleep(0)
    return Holder()


holder = asyncio.run(main())
holder = None
raise ValueError("the run fails with %d coroutine forgotten" % 1)
