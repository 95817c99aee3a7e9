# Sets of strings and bytes iterate in the order of CPython's hash table:
# str and bytes hash with SipHash (2-4 up to 3.10, 1-3 from 3.11) under the
# harness's PYTHONHASHSEED=0, and a display of three or more constants is a
# frozenset constant (3.9+) copied into the new set.
print(hash("abc"), hash(b"abc"), hash(""), hash("caf\u00e9"), hash("\u20ac"), hash("\U0001F600"))
print(hash(("a", 1)), hash(frozenset({"x", "y"})))

words = "the quick brown fox jumps over the lazy dog".split()
print(set(words))
print(set("mississippi"))
print(frozenset(["x", "y", "z", "w"]))
print({"apple", "banana", "cherry"})
print({"red", "green", "blue"}, {("a", 1), ("b", 2), ("c", 3)})
print({b"a", b"bb", b"ccc"}, set(b"hello"))
print({"\u00e9", "\u00fc", "\u00df", "x"}, {"\U0001F600", "a", "\u20ac"})

a = {"red", "green", "blue"}
b = {"green", "yellow", "blue", "purple"}
print(a | b, a & b, a - b, b - a)
print(sorted(a ^ b))
for w in {"one", "two", "three", "four", "five"}:
    print(w)
print(list({"k%d" % i for i in range(20)}))

s = set()
for i in range(30):
    s.add(str(i))
print(s)
s.discard("7")
print(s.pop(), s.pop(), len(s))
print({w: len(w) for w in words})
print(sorted({"b", "a", "c"}), min({"q", "p"}), "-".join(sorted(set("banana"))))
