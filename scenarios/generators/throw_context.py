# An exception thrown into a generator or coroutine suspended inside an
# except or finally block gets the exception being handled there as its
# __context__ from 3.9 (3.7-3.8 leave it None), directly or through a
# delegate, as when a Task is cancelled while it awaits in a finally block.
import asyncio

def gen():
    try:
        1/0
    finally:
        yield 1

g = gen()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("gen plain:", repr(e.__context__))

def outer():
    try:
        raise ValueError("v")
    except ValueError:
        yield from inner()

def inner():
    yield 2

g = outer()
next(g)
try:
    g.throw(KeyError("k2"))
except KeyError as e:
    print("gen delegate:", repr(e.__context__))

async def main():
    try:
        try:
            1/0
        finally:
            await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("task:", repr(e.__context__))
        raise

async def runner():
    t = asyncio.ensure_future(main())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")

loop = asyncio.new_event_loop()
loop.run_until_complete(runner())
loop.close()

def handled_outside():
    yield 1

g = handled_outside()
next(g)
try:
    raise OSError("outside")
except OSError:
    try:
        g.throw(KeyError("k3"))
    except KeyError as e:
        print("caller's exception:", repr(e.__context__))
