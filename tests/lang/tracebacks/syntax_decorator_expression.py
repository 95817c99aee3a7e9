# PEP 614 (3.9): any expression after '@'; 3.7-3.8 take a dotted name and one call.
registry = [lambda f: f]


@registry[0]
def handler():
    return "handled"


print(handler())
