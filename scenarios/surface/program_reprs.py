# asyncio's reprs and messages show a program's objects through their own
# __repr__: a future's exception, a queue's items and maxsize, the object
# asyncio.run or ensure_future refuses, the arguments of a handle.
import asyncio


class Order:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Order#{self.n}"


class Declined(Exception):
    def __repr__(self):
        return "Declined<card>"

    def __str__(self):
        return "card declined"


class Limit:
    def __repr__(self):
        return "Limit(3)"

    def __gt__(self, other):
        return 3 > other

    def __le__(self, other):
        return 3 <= other

    def __ge__(self, other):
        return 3 >= other


async def charge(order):
    await asyncio.sleep(0.1)
    raise Declined(order.n)


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    q.put_nowait(Order(1))
    q.put_nowait(Order(2))
    print(q)
    f = loop.create_future()
    f.set_exception(Declined())
    print(f)
    f.exception()
    t = asyncio.ensure_future(charge(Order(3)))
    try:
        await t
    except Declined as e:
        print("caught", repr(e), str(e))
    print(repr(t).replace(__file__, "SCRIPT"))
    h = loop.call_later(2, print, Order(4))
    print(h)
    h.cancel()
    for bad in (Order(5), Limit()):
        try:
            asyncio.run(bad)
        except (ValueError, RuntimeError) as e:
            print(type(e).__name__, e)
    try:
        loop.set_exception_handler(Order(6))
    except TypeError as e:
        print(e)


asyncio.run(main())
