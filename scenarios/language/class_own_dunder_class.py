# A class that defines __class__ itself (a property here, as mocks with a
# spec do) changes what obj.__class__ reads and what isinstance() accepts:
# the real type is tried first, then the claimed class; type() is not fooled.
class Pretender:
    def __init__(self, claimed):
        self.claimed = claimed

    @property
    def __class__(self):
        return self.claimed


class Base:
    pass


class Child(Base):
    pass


class Honest:
    pass


p = Pretender(Child)
print(p.__class__.__name__, type(p).__name__)
print(isinstance(p, Child), isinstance(p, Base), isinstance(p, Pretender), isinstance(p, int))
print(isinstance(p, (int, Base)), issubclass(type(p), Base))
q = Pretender(42)
print(q.__class__, isinstance(q, int), isinstance(q, Pretender))
h = Honest()
print(h.__class__.__name__, isinstance(h, Honest), isinstance(h, Base))


class Constant:
    __class__ = Base


print(Constant().__class__.__name__, isinstance(Constant(), Base))
