# asim: python>=3.10
# A match statement in a class body binds its capture names as class
# attributes, like any other statement there.
class Shape:
    kind = ('circle', 2)
    match kind:
        case ('square', side):
            area = side * side
        case ('circle', radius):
            area = 3 * radius * radius
        case _:
            area = None


print(Shape.area, Shape.radius, hasattr(Shape, 'side'))
