# The same attribute-reading and -writing instructions run again and again
# while what they read changes under them: a class's method replaced by a
# value, an instance attribute shadowing a method, a property or a
# __getattribute__ added to the class afterwards, a module's attribute rebound and deleted,
# a subclass instance through the same instruction, __dict__ read.
import asyncio
import math


class Counter:
    step = 1

    def __init__(self, name):
        self.name = name
        self.count = 0

    def bump(self):
        self.count += self.step
        return self.count


def read(obj):
    return obj.bump


def read_name(obj):
    return obj.name


def write_count(obj, value):
    obj.count = value


def rounds(obj, n):
    out = []
    for _ in range(n):
        out.append(read(obj)())
    return out


async def main():
    a = Counter("a")
    print("methods", rounds(a, 3))
    a.bump = lambda: "instance's own"
    print("shadowed", read(a)())
    del a.bump
    print("back", rounds(a, 2))
    Counter.step = 10
    print("class value changed", rounds(a, 2))
    Counter.bump = 5
    print("method replaced by a value", read(a))
    Counter.bump = lambda self: f"new bump of {self.name}"
    print("new method", read(a)())

    class Sub(Counter):
        pass

    s = Sub("s")
    for obj in (a, s, a, s):
        print("name", read_name(obj))

    b = Counter("b")
    for value in (1, 2, 3):
        write_count(b, value)
    print("count", b.count)
    Counter.count = property(lambda self: "property wins", lambda self, v: print("setter got", v))
    write_count(b, 4)
    print("count after property", b.count)
    del Counter.count
    print("count after del", b.count)
    b.__dict__["name"] = "b via __dict__"
    print("name through __dict__", read_name(b))
    write_count(b, 7)
    print("count through __dict__", b.__dict__["count"])

    c = Counter("c")
    print("before hook", read_name(c))
    Counter.__getattribute__ = lambda self, attr: f"hooked {attr}"
    print("after hook", read_name(c))
    del Counter.__getattribute__
    print("hook removed", read_name(c))

    math.extra = 0
    for _ in range(4):
        try:
            print("module", math.extra)
            math.extra += 1
            if math.extra == 2:
                del math.extra
        except AttributeError as e:
            print("module", e)
    await asyncio.sleep(0)
    words = []
    for w in ("x", "y"):
        words.append(w)
    print("list", words)


asyncio.run(main())
