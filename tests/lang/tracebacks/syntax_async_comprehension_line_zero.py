# An asynchronous comprehension in a plain function: 3.8-3.9 report line 0.
def collect(source):
    total = 0
    values = [await fetch(x) for x in source]
    return values
