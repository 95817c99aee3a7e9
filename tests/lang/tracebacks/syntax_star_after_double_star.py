# A '*' argument after a '**' one: ast.c's error on 3.7-3.8, then each
# PEG parser's invalid_arguments rule marks it its own way.
options = {"sep": "-"}
print(**options, *"ab")
