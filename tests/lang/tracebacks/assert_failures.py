# Where a failed assert is located: 3.13 at its test expression, marked
# (every line of a test over several lines); 3.11 at the last comparison its
# test compiled (through not, and/or, conditional expressions), else at the
# statement, as 3.8-3.10 and 3.12; 3.7 at the furthest line the statement
# reached (a message on a later line).
import traceback


def equal(x):
    assert x == 1, "x should be 1"


def over_lines(x):
    assert (x
            == 1)


def message_below(x):
    assert x, (
        "x is falsy")


def last_compare(x):
    assert x > 1 and helper(x)


def conditional(x):
    assert (x > 1 if x else x < 0)


def called(x):
    assert helper(x)


def helper(x):
    return x - 1


def negated(items):
    assert not items


for case in (lambda: equal(0), lambda: over_lines(2), lambda: message_below(0),
             lambda: last_compare(2), lambda: conditional(1), lambda: called(1)):
    try:
        case()
    except AssertionError:
        traceback.print_exc()

negated([1])
