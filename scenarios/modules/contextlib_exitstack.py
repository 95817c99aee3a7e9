# contextlib beyond contextmanager: ExitStack (callbacks and context managers
# left in reverse order, exceptions passed along and chained as CPython
# chains them), nullcontext, closing and AsyncExitStack.
import asyncio
import contextlib
import sys


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        return self.swallow

    def close(self):
        print("close", self.name)


with contextlib.ExitStack() as stack:
    a = stack.enter_context(Resource("a"))
    b = stack.enter_context(Resource("b"))
    stack.callback(print, "callback", 1, sep=":")
    print("body", a.name, b.name)

with contextlib.ExitStack() as stack:
    stack.enter_context(Resource("outer", swallow=True))
    stack.enter_context(Resource("inner"))
    raise ValueError("boom")
print("suppressed by outer")


def failing_exit(*exc):
    raise KeyError("from callback")


try:
    with contextlib.ExitStack() as stack:
        stack.push(failing_exit)
        stack.enter_context(Resource("r"))
        raise ValueError("first")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))

stack = contextlib.ExitStack()
stack.enter_context(Resource("kept"))
moved = stack.pop_all()
stack.close()
print("moved holds it")
moved.close()

with contextlib.nullcontext(42) as value:
    print("nullcontext", value)
with contextlib.nullcontext() as value:
    print("nullcontext", value)
with contextlib.closing(Resource("thing")) as thing:
    print("using", thing.name)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
print(isinstance(contextlib.ExitStack(), contextlib.AbstractContextManager))

try:
    contextlib.ExitStack().enter_context(object())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


class AsyncResource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("aenter", self.name, asyncio.get_running_loop().time())
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.1)
        print("aexit", self.name, asyncio.get_running_loop().time())


async def main():
    async with contextlib.AsyncExitStack() as stack:
        for name in ("x", "y"):
            await stack.enter_async_context(AsyncResource(name))
        stack.push_async_callback(asyncio.sleep, 0.5)
        stack.callback(print, "sync callback")
        print("async body")
    print("done", asyncio.get_running_loop().time())


asyncio.run(main())
