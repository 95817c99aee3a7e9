# A handle's repr shows its callback's arguments through reprlib.repr, as
# format_helpers._format_args_and_kwargs does: long strings and reprs lose
# their middle, containers show their first items (sets and dicts sorted when
# their items sort), nesting stops at six levels. 3.13 shows arguments only
# in debug mode. The file's path is shown as <file>.
import asyncio
import collections
import functools


def shown(obj):
    return str(obj).replace(__file__, "<file>")


def cb(*args, **kwargs):
    pass


class Long:
    def __repr__(self):
        return "<Long " + "=" * 40 + ">"


class Text(str):
    pass


def nested(depth):
    value = [0]
    for _ in range(depth):
        value = [value]
    return value


def report(loop, context):
    print("handler:", shown(context["message"]))


def boom(*args):
    raise ValueError("boom")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)
    arguments = [
        ("short", "abc"),
        ("long str", "x" * 29 + "y" * 31),
        ("quotes", "it's " * 10),
        ("unicode", "é" * 40),
        ("str subclass", Text("t" * 50)),
        ("list", list(range(10))),
        ("short list", [1, 2]),
        ("tuple of one", ("a",)),
        ("tuple", tuple(range(8))),
        ("dict", {5: "e", 1: "a", 3: "c", 2: "b", 4: "d"}),
        ("unsortable dict", {"b": 1, 2: "x", "a": 3}),
        ("set", {9, 3, 7, 1, 5, 8, 2}),
        ("frozenset", frozenset({3, 1, 2})),
        ("empty", (set(), frozenset(), {}, [], ())),
        ("deque", collections.deque(range(9))),
        ("big int", 7 ** 60),
        ("negative big int", -(10 ** 45)),
        ("bool and float", (True, 2.5, None)),
        ("long repr", Long()),
        ("nested", nested(8)),
        ("nested short", nested(3)),
    ]
    for label, arg in arguments:
        print(label + ":", shown(loop.call_soon(cb, arg)))
    print("partial:", shown(loop.call_soon(functools.partial(cb, "p" * 40, key=list(range(9))), "q" * 35)))
    print("timer:", shown(loop.call_later(1, cb, "z" * 45)))
    loop.call_soon(boom, "w" * 33, [Long()])
    await asyncio.sleep(0)


asyncio.run(main())
