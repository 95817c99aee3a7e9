# expect-exit: 2
# expect-stderr-contains: unmodelled_base_class.py:10: not supported by asim: string.Formatter (asim models only part of string)
# A class CPython's module has and asim's lacks stands in as a callable that
# stops the run: deriving from it stops the run too, never a TypeError
# ("bases must be types") CPython would not raise.
import string

print("before")

class Shouting(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
