# What each version's builtins offer: methods and operators added in 3.8-3.12
# are errors before, with that version's own message.
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, AttributeError) as e:
        print(label, type(e).__name__, e)


attempt("removeprefix", lambda: "asyncio".removeprefix("async"))
attempt("removesuffix", lambda: "task.py".removesuffix(".py"))
attempt("dict |", lambda: {"a": 1} | {"b": 2})
attempt("list[int]", lambda: list[int])
attempt("dict[str, int]", lambda: dict[str, int])


class Box:
    pass


attempt("Box[int]", lambda: Box[int])
attempt("bit_count", lambda: (255).bit_count())
attempt("as_integer_ratio", lambda: (6).as_integer_ratio())
attempt("is_integer", lambda: (6).is_integer())
attempt("add_note", lambda: hasattr(ValueError(), "add_note"))


def merge():
    d = {"a": 1}
    d |= {"c": 3}
    return d


attempt("dict |=", merge)
attempt("zip strict", lambda: list(zip("ab", [1, 2], strict=True)))
