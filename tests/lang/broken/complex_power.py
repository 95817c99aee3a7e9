# expect-exit: 2
# expect-stderr-contains: complex_power.py:9: not supported by asim: complex numbers
# A negative number to a fractional power is complex in CPython; asim has no
# complex type and stops, rather than raising an exception CPython never
# raises (which the except below would hide).
values = [4, -8]
for v in values:
    try:
        print(v ** 0.5)
    except ValueError:
        print("never in CPython")
