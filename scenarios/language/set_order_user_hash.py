# A set of objects whose __hash__ is made of stable values (ints, strings,
# tuples) iterates in CPython's hash-table order; so does a set of big ints.
# __hash__'s result is the hash itself when it fits 64 bits.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


points = {Point(3, 4), Point(1, 2), Point(0, 0), Point(10, -1), Point(1, 2)}
print(points, len(points))
print(Point(1, 2) in points, Point(2, 1) in points)


class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __hash__(self):
        return hash(self.rank + self.suit)

    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __repr__(self):
        return self.rank + self.suit


hand = {Card("A", "s"), Card("K", "h"), Card("2", "c"), Card("T", "d")}
print(hand)
print(hash(Card("A", "s")) == hash("As"))


class Loud:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return self.n * 7

    def __eq__(self, other):
        return self.n == other.n

    def __repr__(self):
        return "L%d" % self.n


many = {Loud(i) for i in [5, 3, 9]}
other = {Loud(3), Loud(4)}
print(many | other, many & other, many - other)
print({2**64, 2**70 + 1, 3, -2**65, 10**30})
print({10**20 + i for i in range(5)})
print(hash(2**64), hash(10**30), hash(-2**65), hash((1, 2)))


class Big:
    def __hash__(self):
        return 2**80


print(hash(Big()) == hash(2**80))
