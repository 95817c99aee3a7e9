# An error inside a generator expression: its <genexpr> frame shows between
# the call that consumed it and the failing operation.
def ratios(values):
    return list(1 / x for x in values)


ratios([1, 0])
