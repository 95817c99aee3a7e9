# expect-exit: 2
# expect-stderr-contains: dunder_import.py:5: not supported by asim: __import__
import math
try:
    print(__import__("math") is math)
except NameError:
    print("a NameError CPython would not raise")
