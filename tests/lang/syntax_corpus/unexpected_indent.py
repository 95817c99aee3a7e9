# expect: 3:4: IndentationError: unexpected indent
x = 1
    y = 2
