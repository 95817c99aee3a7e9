# asim: python>=3.11
# A group raised while handling another exception: the context comes first,
# then the group, whose members carry their own causes.
def check(n):
    try:
        return {"a": 1}[n]
    except KeyError as e:
        raise LookupError(f"no {n}") from e


def main():
    try:
        1 / 0
    except ZeroDivisionError:
        problems = []
        for n in "xy":
            try:
                check(n)
            except LookupError as e:
                problems.append(e)
        raise ExceptionGroup("checks failed", problems)


main()
