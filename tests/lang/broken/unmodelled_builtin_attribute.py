# expect-exit: 2
# expect-stderr-contains: unmodelled_builtin_attribute.py:9: not supported by asim: the attribute '__sizeof__' of 'object'
# An attribute CPython's builtin class has and asim's lacks: reading it stops
# the run, never an AttributeError (or hasattr() False) a program could act on.
class Point:
    pass
print(hasattr(Point(), "no_such_name"))
try:
    print(Point().__sizeof__() > 0)
except AttributeError:
    print("an AttributeError CPython would not raise")
