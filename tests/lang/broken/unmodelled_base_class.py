# expect-exit: 2
# expect-stderr-contains: unmodelled_base_class.py:10: not supported by asim: enum.Flag (asim models only part of enum)
# A class CPython's module has and asim's lacks stands in as a callable that
# stops the run: deriving from it stops the run too, never a TypeError
# ("bases must be types") CPython would not raise.
import enum

print("before")

class Permission(enum.Flag):
    READ = 4
    WRITE = 2
