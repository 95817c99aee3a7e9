# What a class statement with builtin bases may not do, and the errors of
# calling such classes wrongly: the messages differ between versions.
import asyncio


def attempt(label, make):
    try:
        make()
    except (TypeError, AttributeError, KeyError, IndexError) as exc:
        print(label, type(exc).__name__, exc)


class Pair(tuple):
    pass


class Items(list):
    pass


class Table(dict):
    pass


class Shouting(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())


class Frozen(tuple):
    __slots__ = ()


def define_bool():
    class Flag(bool):
        pass


def define_range():
    class Span(range):
        pass


def define_conflict():
    class Both(list, dict):
        pass


def define_numbers():
    class Mixed(int, float):
        pass


async def main():
    attempt("bool base:", define_bool)
    attempt("range base:", define_range)
    attempt("list+dict:", define_conflict)
    attempt("int+float:", define_numbers)
    attempt("tuple args:", lambda: Pair(1, 2))
    attempt("list args:", lambda: Items(1, 2))
    attempt("new:", lambda: tuple.__new__(Items))
    attempt("object new:", lambda: object.__new__(Items))
    attempt("object new, own __new__:", lambda: object.__new__(Shouting))
    attempt("index:", lambda: Items()[3])
    attempt("key:", lambda: Table()["k"])
    attempt("attribute:", lambda: Items().missing)
    attempt("hash:", lambda: {Items(): 1})
    frozen = Frozen((1,))
    attempt("slots:", lambda: setattr(frozen, "extra", 1))
    pair = Pair((1, 2))
    pair.note = "has a __dict__"
    print(pair.note, pair)


asyncio.run(main())
