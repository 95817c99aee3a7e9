# Big ints where builtins take an int: enumerate's start, round's ndigits,
# chr's C int, sequence indices and repeat counts, random.getrandbits.
import random

for i, c in enumerate("ab", 2 ** 70):
    print(i, c)
for i, c in enumerate("abc", 2 ** 63 - 2):
    print(i, c)
print(round(1.5, 2 ** 70), round(1.5, -(2 ** 70)), round(12345, -30), round(2 ** 80, 2 ** 70))
tries = [
    ("chr(2 ** 70)", lambda: chr(2 ** 70)),
    ("chr(2 ** 40)", lambda: chr(2 ** 40)),
    ("chr(2 ** 31 - 1)", lambda: chr(2 ** 31 - 1)),
    ("chr(2 ** 31)", lambda: chr(2 ** 31)),
    ("chr(-(2 ** 40))", lambda: chr(-(2 ** 40))),
    ("'a' * 2 ** 64", lambda: "a" * 2 ** 64),
    ("[0] * 2 ** 62", lambda: [0] * 2 ** 62),
    ("[1, 2][2 ** 70]", lambda: [1, 2][2 ** 70]),
    ("(1,)[-2 ** 70]", lambda: (1,)[-(2 ** 70)]),
    ("'ab'[2 ** 64]", lambda: "ab"[2 ** 64]),
    ("[1, 2, 3][1:2 ** 80]", lambda: [1, 2, 3][1:2 ** 80]),
    ("'abcdef'[-2 ** 90:3]", lambda: "abcdef"[-(2 ** 90):3]),
    ("2 ** 70 in range(5)", lambda: 2 ** 70 in range(5)),
    ("[1, 2].index(2 ** 70)", lambda: [1, 2].index(2 ** 70)),
]
for text, action in tries:
    try:
        print(text, "=", action())
    except (OverflowError, ValueError, IndexError, MemoryError) as e:
        print(text, "->", type(e).__name__, e)
random.seed(12345)
print(random.getrandbits(64), random.getrandbits(100), random.getrandbits(200), random.getrandbits(33))
r = random.Random(7)
print([r.getrandbits(k) for k in (65, 96, 97, 128, 1)])
