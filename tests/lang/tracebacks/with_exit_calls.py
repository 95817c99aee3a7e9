# Where a traceback locates a `with` item's __exit__ call: 3.7-3.12 at the
# statement (no marks), 3.13 at the item's context expression, marked as a
# call. The body's exception, then __exit__'s while handling it.
class Closing:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise KeyError(self.name)


def opened(name):
    return Closing(name)


def work(items):
    with opened("outer") as a, \
         Closing("inner") as b:
        return items[3]


work([1, 2])
