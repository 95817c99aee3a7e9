# asim: python>=3.11
# An uncaught ExceptionGroup prints as a tree: each member boxed and
# numbered, nested groups indented one level more.
def fail(n):
    raise ValueError(f"bad {n}")


def collect():
    errors = []
    for n in range(3):
        try:
            fail(n)
        except ValueError as e:
            errors.append(e)
    inner = ExceptionGroup("inner", errors[1:])
    raise ExceptionGroup("outer", [errors[0], inner, KeyError("never raised")])


collect()
