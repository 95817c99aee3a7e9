# str, int and float subclasses: the value computes as the builtin does, the
# results of builtin operations are plain str/int/float, and the class's own
# methods and overrides (__str__, __repr__) are honoured.
import asyncio


class TaskName(str):
    def tagged(self):
        return f"[{self}]"


class Priority(int):
    def __str__(self):
        return f"P{int(self)}"


class Seconds(float):
    def __repr__(self):
        return f"{float(self)}s"


async def job(name, priority, delay):
    await asyncio.sleep(delay)
    return f"{name.tagged()} {priority} {delay!r}"


async def main():
    name = TaskName("fetch")
    print(name, repr(name), name.upper(), type(name.upper()).__name__, name + "!", type(name + "!").__name__)
    print(name == "fetch", {"fetch": 1}[name], name in "prefetch", len(name), name[1:], type(name[1:]).__name__)
    print(f"{name:>8}|", "%s|%r" % (name, name), name.split("t"), isinstance(name, str))
    high = Priority(1)
    print(repr(high), high + 1, type(high + 1).__name__, high * 3, -high, high == 1, high < 2, [0] * Priority(2))
    print(hash(high) == hash(1), int(high), float(high), bool(Priority(0)), list(range(Priority(3))), "%d" % high)
    print(f"{high:03d}", abs(Priority(-4)), round(Priority(7)), divmod(Priority(7), 2), isinstance(high, int))
    wait = Seconds(0.25)
    print(repr(wait), wait * 2, type(wait * 2).__name__, wait > 0.2, f"{wait:.3f}", int(Seconds(2.7)), round(wait, 1))
    result = await job(name, high, wait)
    print(result, asyncio.get_running_loop().time())
    names = sorted([TaskName("b"), TaskName("a")])
    print(names, type(names[0]).__name__, "-".join(names), {TaskName("k"): 1})


asyncio.run(main())
