# expect-exit: 1
# expect-stderr-last: AssertionError: numbers differ
assert 1 == 2, "numbers differ"
