# int's and float's own operator methods called directly: reflected forms,
# NotImplemented for an operand they do not take, and the methods a
# subclass reaches through super().
def show(f):
    try:
        r = f()
    except Exception as e:
        print("!", type(e).__name__, e)
    else:
        print(repr(r))


class Meters(int):
    def __add__(self, other):
        return Meters(super().__add__(other) * 1)

    def __repr__(self):
        return "Meters(%d)" % int(self)


show(lambda: (10).__radd__(5))
show(lambda: (10).__rsub__(5))
show(lambda: (10).__add__(1.5))
show(lambda: (10).__add__("a"))
show(lambda: (1.5).__add__(1))
show(lambda: (1.5).__radd__(True))
show(lambda: (7).__rtruediv__(14))
show(lambda: (7).__rfloordiv__(50))
show(lambda: (7).__rmod__(50))
show(lambda: (7).__divmod__(2))
show(lambda: (7).__rdivmod__(50))
show(lambda: (2.5).__divmod__(1))
show(lambda: (2).__pow__(10))
show(lambda: (2).__pow__(10, 7))
show(lambda: (2).__rpow__(3))
show(lambda: (2.0).__pow__(0.5))
show(lambda: (6).__and__(3), )
show(lambda: (6).__ror__(1))
show(lambda: (6).__xor__(True))
show(lambda: (1).__lshift__(70))
show(lambda: (-8).__rshift__(1))
show(lambda: (5).__neg__())
show(lambda: (-5).__abs__())
show(lambda: (-2.5).__abs__())
show(lambda: (5).__invert__())
show(lambda: (5).__index__())
show(lambda: (5).__float__())
show(lambda: (2.75).__int__())
show(lambda: (-2.75).__trunc__())
show(lambda: True.__add__(True))
show(lambda: (5).__add__())
show(lambda: int.__add__(1.5, 2))
show(lambda: Meters(3) + 4)
show(lambda: 4 + Meters(3))
show(lambda: sum([Meters(1), Meters(2)]))
show(lambda: list.append())
show(lambda: [10, 20, 30][Meters(1)])
