# Integers grow past 64 bits as the program needs: powers, factorials,
# Fibonacci numbers, sums of squares; results that fit again are plain ints.
import sys

print(2 ** 64, 2 ** 100, 2 ** 200)
print(-(2 ** 63), -(2 ** 63) - 1, 2 ** 63 - 1)
print(sys.maxsize + 1, -sys.maxsize - 2, sys.maxsize * sys.maxsize)

f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print("30! // 29! =", f // (f // 30))

a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print("fib(150) =", a)

print(sum(i * i for i in range(10 ** 6, 10 ** 6 + 1000)))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([2 ** 64, 1.5]))

big = 10 ** 30 + 7
print(big - 10 ** 30, type(big - 10 ** 30).__name__, (big - 10 ** 30) == 7)
print(2 ** 64 - 2 ** 64 + 5, 2 ** 64 // 2 ** 60, (2 ** 64) % 1000)
print(12345678901234567890123 * 98765432109876543210)
print(-(10 ** 20), abs(-(10 ** 20)), abs(-sys.maxsize - 1), +(10 ** 20))
print(True + 2 ** 64, 2 ** 64 * False)
print(0x123456789abcdef0123456789, 0o7777777777777777777777777, 0b1 << 80)
print(1_000_000_000_000_000_000_000)
x = 1
for _ in range(70):
    x *= 2
print(x, x.bit_length(), (-x).bit_length(), x.bit_count() if hasattr(x, "bit_count") else 1)
print(int(1e20), int(-1.5e30), int(2.0 ** 70), int(1e308) % 97)
print(int("9" * 50), int("-" + "1" * 30), int("1_000_000_000_000_000_000_000"))
print(int("0x" + "f" * 30, 0), int("z" * 20, 36), int("  -99999999999999999999999  "))
print(float(2 ** 64), float(10 ** 30), 2 ** 64 + 0.5, 10 ** 20 / 3, (10 ** 17 + 1) / 3)
print(2 ** 100 / 2 ** 98, 10 ** 400 // 10 ** 398, 10 ** 400 / 10 ** 399, 1 / 10 ** 400)
print(round(2 ** 100, -3), round(123456789012345678901234567890, -5), round(10 ** 25 + 5, -1), round(2 ** 70))
print(divmod(10 ** 30, 7), divmod(-(10 ** 30), 7), divmod(10 ** 30, -7))
print((2 ** 100) ** 0.5, 2 ** -100, (-2) ** 101)
print(max(2 ** 100, 3.0, -(2 ** 101)), min(2 ** 100, 3.0, -(2 ** 101)))
print(sorted([2 ** 65, -(2 ** 65), 3, 2.5, 10 ** 19, -(10 ** 19)]))
print(bool(2 ** 100), not 2 ** 100, 2 ** 100 and "yes")
print((2 ** 100).real, (2 ** 100).numerator, (2 ** 100).denominator, (2 ** 100).conjugate())
print(str(2 ** 64), repr(-(2 ** 64)), f"{2 ** 64}", "%d" % 2 ** 70, "%s" % -(2 ** 70))
print(isinstance(2 ** 100, int), type(2 ** 100) is int, type(2 ** 100))
