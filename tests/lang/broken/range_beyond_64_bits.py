# expect-exit: 2
# expect-stderr-contains: range_beyond_64_bits.py:7: not supported by asim: range() bounds beyond 64 bits
# CPython's range takes any int; asim's is 64-bit and stops rather than
# raising an OverflowError CPython never raises.
big = 2 ** 70
try:
    r = range(big)
except OverflowError:
    print("never in CPython")
print(r[5])
