# Where a traceback locates a failing iteration: 3.13 marks the iterable of a for
# loop or comprehension (its GET_ITER and FOR_ITER), earlier versions the statement
# or the whole comprehension.
import re
import traceback


def numbers():
    yield 1
    raise KeyError("in generator")


def loop():
    for x in numbers():
        pass


def listcomp():
    return [x * 2 for x in numbers()]


def genexp():
    return sum(x for x in numbers())


def nested():
    return [y for x in [1] for y in   numbers()]


def not_iterable():
    return {x: 1 for x in 5}


for fn in (loop, listcomp, genexp, nested, not_iterable):
    try:
        fn()
    except (KeyError, TypeError):
        print(re.sub(r'File "[^"]*"', 'File "prog.py"', traceback.format_exc()))
