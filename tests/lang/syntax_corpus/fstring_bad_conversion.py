# expect: 3:15: SyntaxError: f-string: invalid conversion character 'x': expected 's', 'r', or 'a'
name = "w"
print(f"{name!x}")
