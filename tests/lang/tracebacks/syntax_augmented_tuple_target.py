# Augmented assignment to a tuple.
low, high = 1, 9
low, high += 1, 1
