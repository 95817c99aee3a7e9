# Python 2's `except A, B:`: 3.10+ mark every type.
try:
    int("x")
except ValueError, TypeError:
    print("bad")
