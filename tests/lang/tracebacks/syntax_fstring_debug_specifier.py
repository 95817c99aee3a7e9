# The "=" specifier of f-strings is 3.8+: 3.7 compiles "(x=)".
x = 1
print(f"{x=}")
