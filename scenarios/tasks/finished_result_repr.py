# A finished task's or future's repr shows its result through reprlib, as
# CPython does: long strings, long lists and nested containers come out
# shortened.
import asyncio


async def produce(value):
    return value


async def main():
    loop = asyncio.get_running_loop()
    for value in ["short", "x" * 80, list(range(20)), {"k%d" % i: i for i in range(8)},
                  ((1, [2, [3, [4, [5, [6, [7]]]]]]),), 2 ** 200, None]:
        task = asyncio.ensure_future(produce(value))
        await task
        text = repr(task)
        print(text[text.index(" result="):])
        fut = loop.create_future()
        fut.set_result(value)
        print(repr(fut))
    done = asyncio.ensure_future(produce(1))
    waited = asyncio.ensure_future(asyncio.wait([done]))
    await waited
    text = repr(waited)
    print(text[text.index(" result="):])


asyncio.run(main())
