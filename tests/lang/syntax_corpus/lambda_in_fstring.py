# expect: 2:10: SyntaxError: f-string: lambda expressions are not allowed without parentheses
print(f"{lambda: 1}")
