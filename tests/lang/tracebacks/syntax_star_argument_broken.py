# A '*' argument whose expression does not parse: 3.13 says "Invalid star
# expression" at the last token its first pass read; earlier versions
# diagnose the inner expression (a missing comma).
names = ["a", "b"]
print(*(n.upper() n for n in names))
