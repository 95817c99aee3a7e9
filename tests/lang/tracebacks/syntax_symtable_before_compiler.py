# The symbol table is built before the code is generated: its error on a later
# line wins over the compiler's on an earlier one.
x = 1
return x


def outer():
    def inner():
        nonlocal missing
