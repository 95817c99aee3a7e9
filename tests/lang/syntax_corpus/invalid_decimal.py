# expect: 2:10: SyntaxError: invalid decimal literal
x = 1_000_
