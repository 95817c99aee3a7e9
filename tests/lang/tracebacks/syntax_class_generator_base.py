# A generator expression as a class's bases.
names = ["A"]
class Thing(n for n in names):
    pass
