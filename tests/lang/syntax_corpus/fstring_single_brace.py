# expect: 2:20: SyntaxError: f-string: single '}' is not allowed
print(f"total: {1} }")
