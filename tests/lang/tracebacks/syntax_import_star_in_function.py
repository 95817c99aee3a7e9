# `from m import *` in a function: the symbol table refuses it, at the def
# on 3.7-3.9, at the '*' on 3.10+.
def load():
    from math import *
    return pi
