# Hashes of big ints are CPython's (modulo 2**61 - 1) and equal those of
# equal floats; big ints are dict keys and set members like any int.
print(hash(2 ** 100), hash(-(2 ** 100)), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 64 + 1))
print(hash(2 ** 64) == hash(2.0 ** 64), hash(10 ** 20) == hash(1e20), hash(2 ** 70 + 1) == hash(2.0 ** 70))
d = {2 ** 100: "a", 2 ** 64: "b", 5: "c"}
print(d[2 ** 100], d[2.0 ** 64], d[2 ** 100 - 2 ** 100 + 5], 2 ** 64 in d, 2 ** 64 + 1 in d)
d[2 ** 200 // 2 ** 100] = "replaced"
print(d, len(d))
s = {2 ** 70, 2.0 ** 70, 1 << 70, 10 ** 20, 1e20}
print(sorted(s), len(s))
x = 2 ** 64 - 2 ** 64 + 3
y = 3
print(x is y, x == y, (2 ** 70 - 2 ** 70 + 10 ** 9) == 10 ** 9)
print(hash((2 ** 100, 1)) == hash((2 ** 100, 1)), {(2 ** 65, "k"): 1}[(2 ** 65, "k")])
