# A bare `except:` before another handler. 3.7-3.9 report it where their
# compiler stood: the last statement of the try body (3.7: the furthest
# line and the last expression it visited).
try:
    total = sum([1, 2,
                 3])
except:
    print("failed")
except ValueError:
    print("value")
