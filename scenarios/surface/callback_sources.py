# Exception in callback / handle reprs name where a Python callback was
# defined (" at FILE:LINE"), through functools.partial and functools.wraps;
# bound methods, callable objects and builtins have no source. 3.13 shows
# the arguments only in debug mode. The file's own path is shown as <file>
# so that the output does not depend on where the checkout is.
import asyncio
import functools


def shown(obj):
    return str(obj).replace(__file__, "<file>")


def plain(n):
    raise ValueError(f"plain {n}")


class Ticker:
    def tick(self, n):
        raise KeyError(n)

    def __repr__(self):
        return "<Ticker>"

    def __call__(self, n):
        raise LookupError(n)


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


@logged
def decorated(n):
    raise RuntimeError(n)


def report(loop, context):
    print(shown(context["message"]), "|", shown(context["handle"]), "|", repr(context["exception"]))


def done(fut):
    pass


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)
    h = loop.call_soon(plain, 1)
    print(shown(h))
    loop.call_soon(functools.partial(plain, 2, extra="x"))
    loop.call_later(0.1, Ticker().tick, 3)
    loop.call_soon(Ticker(), 4)
    loop.call_soon(lambda: plain(5))
    loop.call_soon(decorated, 6)
    loop.call_soon(print, "builtin")
    t = loop.call_later(1, plain, 7)
    print(shown(t))
    t.cancel()
    print(shown(t))
    fut = loop.create_future()
    fut.add_done_callback(done)
    print(shown(fut))
    fut.add_done_callback(functools.partial(done))
    fut.add_done_callback(print)
    fut.add_done_callback(lambda f: None)
    print(shown(fut))
    fut.set_result(1)
    await asyncio.sleep(0.2)


asyncio.run(main())
