# A future import after another statement is refused by the compiler.
import sys
from __future__ import annotations
print(sys.version_info >= (3, 7))
