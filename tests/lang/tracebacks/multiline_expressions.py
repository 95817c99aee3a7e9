# Expressions over several lines in tracebacks. 3.7 names the furthest line
# of the statement its compiler had reached (a call's last argument, the
# right operand); 3.8-3.12 the line the expression starts on; 3.13 shows
# every line of the expression (the first, the last, those around the
# marks, "...<N lines>..." between), marked as on one line.
import traceback


def add(a, b, c=None):
    return a + b


def assigned():
    total = add(
        1,
        "2",
    )
    return total


def indexed(row):
    return [1, 2, 3][
        row
    ]


def summed():
    return (1 +
            2) + (
        "three"
    )


def call_in_sum():
    return 10 + add(
        1,
        None)


def long_call():
    return len(
        1,
        2,
        3,
        4,
        5,
    ) + 1


for case in (assigned, lambda: indexed(7), summed, call_in_sum, long_call):
    try:
        case()
    except Exception:
        traceback.print_exc()


async def fail(n):
    raise ValueError(f"step {n} failed")


async def main():
    results = await fail(
        1,
    )
    return results


main().send(None)
