# expect-exit: 2
# expect-stderr-contains: dir_builtin.py:6: not supported by asim: dir()
class Point:
    pass
try:
    print([n for n in dir() if not n.startswith("_")], Point)
except NameError:
    print("a NameError CPython would not raise")
