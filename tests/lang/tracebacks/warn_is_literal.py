# `is` with a literal warns at compile time (3.8+; 3.12+ name its type),
# once per comparison chain, on the line where the comparison starts.
x = 5
print(x is 5, x is not "a", () is x, x is -1, x is 2 * 3)
print(x is None, x is True, x is ..., x is [1], x is (1, x), x is __debug__)
print(1 is x is 2)
print(x is 2 ** 200, x is 2 ** 10, x is "ab"[0], x is 1 / 0 if 0 else 0)
y = (x
     is
     5.5)
if x is not b"x":
    print("not bytes", x is 5 or x is 5)
