# __debug__ among the names of a tuple target: 3.7-3.8 report the target,
# 3.9+ the name.
count, __debug__ = 1, 2
