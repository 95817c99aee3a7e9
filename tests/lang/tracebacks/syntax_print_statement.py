# Python 2's print statement, the commonest pasted error: 3.7-3.9's
# SyntaxError suggests the call with its arguments, 3.10+ print(...).
prices = [3, 4]
total = 0
for price in prices:
    total += price
    print "running total:", total,
