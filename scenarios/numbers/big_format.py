# Format specs, f-strings and %-formatting of big ints.
n = 2 ** 100
print(f"{n:,}", f"{n:_}", f"{n:_x}", f"{n:#x}", f"{n:X}", f"{n:o}", f"{n:#b}")
print(f"{-2 ** 70:#030b}", f"{-n:+,}", f"{n: d}", f"{n:>45}|", f"{n:*^45}", f"{-n:=+45,}")
print(f"{n:e}", f"{n:.3g}", f"{n:f}", f"{n:%}", f"{n:n}", f"{-n:045_}")
print(format(10 ** 25, ","), format(-(10 ** 25), "x"), format(2 ** 64, "020d"), "{:>30,}".format(3 ** 50))
print("%d|%i|%x|%X|%o|%#x|%#o" % (n, -n, n, n, n, -n, n))
print("%40d|%-40d|%+d|% d|%040d" % (n, n, n, n, -n))
print("%s %r %.3e %f" % (n, -n, n, 10 ** 20))
for spec in ["c", ".2d"]:
    try:
        print(format(n, spec))
    except (ValueError, OverflowError) as e:
        print(spec, "->", type(e).__name__, e)
