# The 4300-digit limit on int <-> decimal str conversions, and
# sys.set_int_max_str_digits to change it.
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4299
print(len(str(big)), len(repr(-big)))
huge = 10 ** 5000
for action in [lambda: str(huge), lambda: repr(huge), lambda: f"{huge}", lambda: "%d" % huge, lambda: int("7" * 4301),
               lambda: int("-" + "1" * 5000), lambda: print(huge), lambda: format(huge, ",")]:
    try:
        action()
    except ValueError as e:
        print("ValueError:", e)
print(len(hex(huge)), len(bin(huge)), int("f" * 5000, 16) % 1000, len(f"{huge:x}"))
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(huge)), int("7" * 5001) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 7000)))
sys.set_int_max_str_digits(641)
try:
    str(10 ** 641)
except ValueError as e:
    print("ValueError:", e)
print(str(10 ** 640)[:5])
