# expect-exit: 2
# expect-stderr-contains: sys_unmodelled_value.py:15: not supported by asim: sys.path (asim models only part of sys)
# A name CPython's module has that is no function or class (sys.path,
# sys.modules, sys.flags) and asim's module lacks stops the run when read:
# CPython's AttributeError could be caught and change what the program
# does. A name CPython's module lacks too is CPython's AttributeError.
import sys

try:
    sys.no_such_name
except AttributeError as e:
    print(e)
print(sys.version_info >= (3, 7))
here = __file__
sys.path.insert(0, here)
