# __debug__ as an augmented assignment's target.
__debug__ += 1
