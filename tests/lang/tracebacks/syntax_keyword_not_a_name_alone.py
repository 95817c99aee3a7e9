# A keyword argument that is no name.
print(sep.x=" ", end="")
