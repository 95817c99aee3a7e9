# expect: 2:18: SyntaxError: positional argument follows keyword argument
print(sep="", "a")
