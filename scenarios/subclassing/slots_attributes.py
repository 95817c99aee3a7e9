# __slots__: a class whose every class along the MRO lists its slots keeps
# no __dict__, so only the listed names can be set (the message grew a hint
# in 3.13); a subclass without __slots__ has a __dict__ again. int subclass
# instances keep int's computed attributes.
import asyncio


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Tagged(Point):
    pass


class Count(int):
    __slots__ = ()


async def main():
    p = Point(1, 2)
    await asyncio.sleep(0)
    print(p.x, p.y)
    for target, name in [(p, "z"), (Count(3), "label"), ([], "extra")]:
        try:
            setattr(target, name, 0)
        except AttributeError as e:
            print("AttributeError:", e)
    t = Tagged(3, 4)
    t.label = "tagged"
    print(t.x, t.label)
    c = Count(6)
    print(c.real, c.numerator, c.bit_length(), c + 1, type(c).__name__)


asyncio.run(main())
