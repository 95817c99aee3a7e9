# A bare 'except' without its ':': 3.10+ expect it.
try:
    int("x")
except
    print("bad")
