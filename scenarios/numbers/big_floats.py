# int <-> float: exact comparisons, correctly rounded conversions and true
# division, and the OverflowErrors for what a float cannot hold.
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 2 ** 53 + 1 == 2.0 ** 53)
print(10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), 10 ** 400 > 1e308, 10 ** 400 == float("nan"))
print(3 < 2.5 * 2 ** 70 < 2 ** 72, 2 ** 70 + 0.5 == 2 ** 70, -(2 ** 80) < -1e20)
print(float(2 ** 53 + 1), float(2 ** 54 + 3), float(-(2 ** 64 - 1)), float(2 ** 63 + 1025))
print(float(2 ** 1024 - 2 ** 970 - 1), (2 ** 60 + 1) / (2 ** 60 - 1), 3 / 2 ** 1075, 1 / 2 ** 1075)
print(2 ** 1076 / 3 ** 700, -(10 ** 30) / 7, (2 ** 1075 + 1) / 2 ** 2150)
print(int(1e300) % 1000007, int(-1e300) % 1000007, int(2.5e18), int(-9.5e18), int(9.2e18))
print((1e30).as_integer_ratio(), (0.1).as_integer_ratio())
tries = [
    ("float(2 ** 1024)", lambda: float(2 ** 1024)),
    ("2 ** 1024 * 1.0", lambda: 2 ** 1024 * 1.0),
    ("2.0 ** (2 ** 1024)", lambda: 2.0 ** (2 ** 1024)),
    ("10 ** 400 / 1", lambda: 10 ** 400 / 1),
    ("10 ** 400 + 0.5", lambda: 10 ** 400 + 0.5),
    ("int(float('inf'))", lambda: int(float("inf"))),
    ("int(float('nan'))", lambda: int(float("nan"))),
    ("2 ** 1024 - 1.5", lambda: 2 ** 1024 - 1.5),
    ("(2 ** 1024) ** -1", lambda: (2 ** 1024) ** -1),
    ("1.5 // 2 ** 1024", lambda: 1.5 // 2 ** 1024),
]
for text, action in tries:
    try:
        print(text, "=", action())
    except (OverflowError, ValueError) as e:
        print(text, "->", type(e).__name__, e)
