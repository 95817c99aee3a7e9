# expect-exit: 2
# expect-stderr-contains: future_subclass.py:16: not supported by asim: MyFuture.cancel overriding asyncio.Future.cancel (asyncio's own methods call it on self; asim's do not)
# asyncio's own code cancels futures (wait_for, gather, a task's waiter)
# through their cancel method: the model's calls would not reach the
# override, so the run stops instead.
import asyncio


class MyFuture(asyncio.Future):
    def cancel(self, msg=None):
        print("cancelling")
        return super().cancel()


async def main():
    f = MyFuture()
    print(f.done())


asyncio.run(main())
