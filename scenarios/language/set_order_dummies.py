# Where a set puts an element added after removals: CPython reuses a freed
# slot met on the way, except 3.9's, which only takes empty slots and so
# fills the table and resizes it sooner.
s = set()
for x in (1, 9, 17, 3):
    s.add(x)
s.discard(1)
s.discard(9)
s.add(25)
print(list(s))
t = set(range(0, 64, 8))
for x in (0, 8, 16):
    t.remove(x)
for x in (64, 72, 5):
    t.add(x)
print(list(t))
u = {1, 2, 3, 4, 5}
for i in range(6, 30):
    u.add(i)
    u.discard(i - 5)
print(list(u), len(u))
a = {"red", "green", "blue"}
b = {"green", "yellow", "blue", "purple"}
print(sorted(a ^ b), len(a | b))
