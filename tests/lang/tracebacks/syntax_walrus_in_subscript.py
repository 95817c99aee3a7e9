# An unparenthesized assignment expression as an index: 3.10+ take it,
# 3.8-3.9 stop at the ':='.
data = [10, 20]
print(data[i := 1], i)
