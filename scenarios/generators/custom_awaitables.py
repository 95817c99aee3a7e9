# Classes with __await__ (PEP 492 awaitables): a generator method that
# yields from a Future or from a coroutine's __await__(), one returning a
# coroutine's wrapper, one returning an iterator object of its own with
# send/throw/close; each awaited, wrapped in a Task, timed out and cancelled.
import asyncio


class Pause:
    def __init__(self, delay, value):
        self.delay = delay
        self.value = value

    def __await__(self):
        print("Pause starts", self.delay)
        try:
            yield from asyncio.sleep(self.delay).__await__()
        finally:
            print("Pause leaves", self.delay)
        return self.value


class Forward:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


class Later:
    def __await__(self):
        loop = asyncio.get_event_loop()
        fut = loop.create_future()
        loop.call_later(0.2, fut.set_result, "set later")
        value = yield from fut
        return value + "!"


class Steps:
    """An iterator object of our own: yields a Future to wait on each step."""

    def __init__(self, n):
        self.n = n
        self.fut = None

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        print("Steps.send", value, self.n)
        if self.n == 0:
            raise StopIteration("steps done")
        self.n -= 1
        loop = asyncio.get_event_loop()
        self.fut = loop.create_future()
        loop.call_later(0.1, self.fut.set_result, self.n)
        # What Future.__await__ does before yielding itself to the Task.
        self.fut._asyncio_future_blocking = True
        return self.fut

    def throw(self, exc, *rest):
        print("Steps.throw", type(exc).__name__)
        raise exc

    def close(self):
        print("Steps.close")


class Bad:
    def __init__(self, result):
        self.result = result

    def __await__(self):
        return self.result


async def compute(x):
    await asyncio.sleep(0.1)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()
    print(await Pause(0.5, "paused"), loop.time())
    print(await Forward(compute(4)), loop.time())
    print(await Later(), loop.time())
    print(await Steps(2), loop.time())

    task = asyncio.ensure_future(Pause(0.1, "in a task"))
    print(type(task).__name__, await task)
    print(await asyncio.gather(Pause(0.2, 1), Forward(compute(5)), Steps(1)))

    try:
        await asyncio.wait_for(Pause(1, "too late"), 0.1)
    except asyncio.TimeoutError:
        print("Pause timed out at", loop.time())

    t = asyncio.ensure_future(Steps(3))
    await asyncio.sleep(0.15)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("Steps cancelled at", loop.time())

    for result in (42, compute(1), [1, 2]):
        try:
            await Bad(result)
        except TypeError as e:
            print("TypeError:", e)
    await Bad(iter([]))
    print("an empty iterator returns None:", await Bad(iter([])))

    async def instant():
        return 7

    wrapper = instant().__await__()
    print(type(wrapper).__name__, iter(wrapper) is wrapper)
    try:
        next(wrapper)
    except StopIteration as e:
        print("wrapper stopped with", e.value)
    try:
        await compute(3).__await__()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
