"""A future feature CPython does not know is refused before the program runs."""
from __future__ import annotations
from __future__ import annotaions
print("never")
