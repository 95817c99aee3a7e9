# Future imports joined to another statement on their line: future.c sees the
# second one after a plain import.
from __future__ import annotations; import os; from __future__ import division
print(os.sep)
