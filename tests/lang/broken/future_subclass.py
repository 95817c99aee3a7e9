# expect-exit: 2
# expect-stderr-contains: future_subclass.py:14: not supported by asim: MyFuture deriving from asyncio.Future (asim models asyncio's own class only)
# An instance of a Future subclass would be the model's plain Future,
# without the subclass's methods: the run stops instead.
import asyncio


class MyFuture(asyncio.Future):
    def describe(self):
        return "mine"


async def main():
    f = MyFuture()
    print(f.describe())


asyncio.run(main())
