# `del` of an operation, not a name, attribute or subscript.
x = 3
del -x
