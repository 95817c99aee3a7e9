# A trailing comma after imported names: 3.7-3.8's ast.c marks the names.
from os import path,
