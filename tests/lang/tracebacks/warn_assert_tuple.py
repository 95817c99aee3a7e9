# A parenthesized assert message makes a tuple, always true (a warning on
# every version; of a tuple of constants only from 3.10).
x = 1
assert (x, "x must be set")
assert (1, "constant")
assert ()  or True
assert (x == 1), "fine"
if 0:
    assert (x, "dead code is compiled too")
print("asserts passed")
