# An annotated tuple target: 3.7's grammar stops at the value's comma,
# 3.8's ast.c names the target.
first, second: int = 1, 2
