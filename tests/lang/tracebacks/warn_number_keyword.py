# A number directly followed by a keyword: "invalid ... literal" (3.11+).
x = 1
print(1if x else 2, [0x1for i in (1, 2)], 1or 2, 1_0in [10], 1.5and 2, 0o7in[7], 0b1is 1)
print(1 if x else 2)
