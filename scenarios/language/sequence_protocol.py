# Iteration through __getitem__ (the old sequence protocol): for, list(),
# in, unpacking, and the end at IndexError or StopIteration.
class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


class Stops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "s%d" % i


class Fails:
    def __getitem__(self, i):
        if i == 1:
            raise KeyError(i)
        return i


class Neither:
    pass


print(list(Squares()), 9 in Squares(), 5 in Squares())
for x in Squares():
    print("item", x)
a, b, c, d = Squares()
print(a, b, c, d, sorted(Squares(), reverse=True), sum(Squares()))
print(list(Stops()), dict(zip(Stops(), Squares())))
it = iter(Squares())
print(type(it).__name__, next(it), next(it), list(it), list(it))
try:
    list(Fails())
except KeyError as e:
    print("KeyError", e)
for bad in (Neither(), 5):
    try:
        iter(bad)
    except TypeError as e:
        print(e)
    try:
        print(1 in bad)
    except TypeError as e:
        print(e)
