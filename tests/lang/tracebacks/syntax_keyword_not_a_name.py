# A keyword argument that is no name: 3.7-3.8 refuse it only once the
# whole file parsed (ast.c), so the missing block below is reported first.
print(sep.x=" ")
if True:
print("never")
