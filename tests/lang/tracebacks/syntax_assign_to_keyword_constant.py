# 3.7's ast.c calls None, True and False a "keyword".
True = 0
