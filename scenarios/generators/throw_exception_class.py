# throw() and athrow() given an exception class (not an instance) make the
# instance themselves; the generator catches it, or it comes back out.
import asyncio


class Retry(Exception):
    pass


def counter():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except Retry as e:
            print("counter caught", repr(e))
            n = 100


def run_generator():
    it = counter()
    print(next(it), next(it))
    print("after throw:", it.throw(Retry))
    print(next(it))
    try:
        it.throw(KeyError)
    except KeyError as e:
        print("came back out:", repr(e), e.__class__.__name__)
    try:
        next(it)
    except StopIteration:
        print("finished")


async def ticker():
    i = 0
    while True:
        try:
            yield i
        except Retry:
            print("ticker retries")
            i = -1
        i += 1


async def waiter():
    try:
        await asyncio.sleep(10)
    except Retry as e:
        print("waiter got", repr(e), "at", asyncio.get_running_loop().time())
        return "recovered"


async def main():
    run_generator()
    t = ticker()
    print(await t.__anext__(), await t.__anext__())
    print(await t.athrow(Retry))
    await t.aclose()
    coro = waiter()
    fut = coro.send(None)
    print(type(fut).__name__)
    try:
        coro.throw(Retry)
    except StopIteration as stop:
        print("coroutine returned", stop.value)


asyncio.run(main())
