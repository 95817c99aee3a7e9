# expect: 2:13: SyntaxError: closing parenthesis ')' does not match opening parenthesis '['
x = [1, 2, 3)
