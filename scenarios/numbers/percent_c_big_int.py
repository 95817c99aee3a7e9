# '%c' of an int too big for a C long: 3.7-3.9 TypeError "%c requires int or
# char", 3.10+ OverflowError "%c arg not in range(0x110000)".
for value in (2 ** 64, 2 ** 63, -(2 ** 70), 0x110000, 65):
    try:
        print(repr("%c" % value))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
