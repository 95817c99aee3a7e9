# expect: 3:1: SyntaxError: 'return' outside function
x = 1
return x
