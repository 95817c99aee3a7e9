# An unparenthesized generator expression among other arguments: 3.10+
# mark it up to its last condition.
values = [1, 2, 3]
print(1, v * v for v in values if v > 1)
