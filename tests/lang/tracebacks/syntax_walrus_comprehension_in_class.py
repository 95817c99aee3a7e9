# An assignment expression in a comprehension in a class body.
class Totals:
    values = [(last := v) for v in range(3)]
