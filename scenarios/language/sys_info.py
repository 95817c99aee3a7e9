# sys's struct sequences: named fields, tuple behaviour and reprs; vars()
# of an instance.
import sys

v = sys.version_info
print(v.major, v[0] == v.major, v[:2] >= (3, 7), v >= (3, 7, 0), len(v), type(v).__name__, v.releaselevel)
print(isinstance(v, tuple), v.serial, tuple(v)[3:])
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.int_info[1])
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(type(sys.float_info).__name__, sys.maxsize)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a",)


p = Point(1, 2)
print(vars(p), vars(p) is p.__dict__)
vars(p)["z"] = 3
print(p.z)
try:
    vars(Slotted())
except TypeError as e:
    print(e)
try:
    vars(p, p)
except TypeError as e:
    print(e)
