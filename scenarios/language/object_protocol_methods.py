# object's own methods as class hierarchies reach them through super() and
# as decorators probe them: orderings left to the other operand,
# __format__, __init_subclass__ with keyword arguments, __subclasshook__,
# __getattribute__; and int's, float's and str's __format__.
import asyncio
import functools


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls


Csv = type("Csv", (Plugin,), {}, name="csv")


class Json(Plugin):
    pass


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "cents":
            return f"{self.cents}c"
        return super().__format__(spec)

    def __str__(self):
        return f"${self.cents / 100:.2f}"


class Celsius(float):
    def __format__(self, spec):
        return super().__format__(spec) + "C"


class Tag(str):
    def __format__(self, spec):
        return "<" + super().__format__(spec) + ">"


class Level(int):
    def __format__(self, spec):
        return "L" + super().__format__(spec)


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


class Audited:
    def __init__(self):
        self.reads = []
        self.value = 1

    def __getattr__(self, name):
        return "missing " + name

    def peek(self, name):
        return object.__getattribute__(self, name)


async def describe(obj, spec, delay):
    await asyncio.sleep(delay)
    return format(obj, spec)


async def main():
    print(sorted(Plugin.registry), Csv.plugin_name, Json.plugin_name)
    attempt("subclass kwargs", lambda: type("Bad", (Plugin,), {}, colour="red"))
    attempt("object kwargs", lambda: object.__init_subclass__(x=1))
    m = Money(1234)
    print(await asyncio.gather(describe(m, "cents", 0.02), describe(m, "", 0.01), describe(Celsius(21.5), ".1f", 0)))
    print(f"{m}", f"{m:cents}", f"{Celsius(3)}", f"{Tag('b'):>4}", f"{Level(7):03d}", f"{Level(7)}")
    attempt("bad spec", lambda: format(m, ">10"))
    attempt("object spec", lambda: object().__format__("x"))
    attempt("spec type", lambda: object().__format__(5))
    print(object().__format__("") .startswith("<object"), (5).__format__("04"), (2.5).__format__(".3e"),
          "ab".__format__("^6"), True.__format__(""), True.__format__("d"), (3).__format__(""))
    print(object.__lt__(1, 2), object().__le__(object()), object.__gt__(Version(1), 3), object().__ge__(1))
    print(Version(1, 2) <= Version(1, 3), Version(2) > Version(1, 9), Version(1) >= Version(1), max(Version(1), Version(0, 9)))
    attempt("order mixed", lambda: Version(1) < 3)
    print(object.__subclasshook__(int), Version.__subclasshook__(Version), issubclass(Version, object))
    a = Audited()
    print(a.value, a.other, a.peek("value"))
    attempt("peek missing", lambda: a.peek("other"))
    attempt("getattribute name", lambda: object.__getattribute__(a, 3))
    print(object.__eq__(a, a), object.__ne__(a, a), object.__eq__(a, 1))


asyncio.run(main())
