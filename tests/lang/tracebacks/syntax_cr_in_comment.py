x = 1  # first  y = 2
print(x)
