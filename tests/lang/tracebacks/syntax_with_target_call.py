# A call as a `with` target: 3.7-3.8's ast.c reports it at the with item.
with open(__file__) as handle():
    pass
