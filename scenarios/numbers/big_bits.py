# Floor division, modulo and bit operations on big and negative ints follow
# Python's rules (floor, divisor's sign, two's complement).
n = 2 ** 100 + 12345
m = -(3 ** 50)
for a, b in [(n, m), (m, n), (-n, 7), (n, -7), (-n, -7), (-(2 ** 64), 2 ** 32), (2 ** 63, -1), (-(2 ** 63), -1)]:
    print(a // b, a % b, divmod(a, b))
print(n >> 3, -n >> 3, -n >> 200, n >> 200, -1 >> 1000)
print(1 << 100, -1 << 70, 5 << 64, (2 ** 70) << 3)
print(-n & 0xFFFF, -n | 5, n ^ m, ~n, ~m, ~(2 ** 63 - 1), -~(2 ** 64))
print(2 ** 70 & -1, -(2 ** 70) | 5, (2 ** 70) ^ (2 ** 69), (2 ** 200 - 1) & (2 ** 100 + 3))
print(hex(2 ** 100 - 1), oct(-(2 ** 70)), bin(2 ** 65), hex(-(2 ** 64)))
print(pow(3, 2 ** 100, 10 ** 9 + 7), pow(2 ** 100, 3, -(10 ** 9)), pow(-(2 ** 70), 5, 2 ** 64 + 13))
print(pow(10 ** 20, 0, 1), pow(0, 0, 7), pow(2, 10 ** 18, 10 ** 30))
for a, b in [(2 ** 70, 0), (1, 0)]:
    for name, op in [("//", lambda: a // b), ("%", lambda: a % b), ("divmod", lambda: divmod(a, b)), ("/", lambda: a / b)]:
        try:
            print(op())
        except ZeroDivisionError as e:
            print(name, "->", type(e).__name__, e)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError", e)
try:
    print(2 ** 70 >> -(2 ** 70))
except ValueError as e:
    print("ValueError", e)
try:
    print(pow(2, 3, 0))
except ValueError as e:
    print("ValueError", e)
