# A `return` left at the top level after a refactoring.
total = 0
for n in range(3):
    total += n
return total + 1
