# __debug__ is a constant: assigning to it is refused by the compiler
# (3.7: "assignment to keyword").
verbose = True
__debug__ = verbose
