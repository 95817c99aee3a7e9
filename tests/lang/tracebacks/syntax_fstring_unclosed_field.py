# A field missing its '}' before the closing quote.
name = "x"
print(f"a {name")
