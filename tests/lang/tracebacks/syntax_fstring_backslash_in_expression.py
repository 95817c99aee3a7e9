# A backslash in an f-string's replacement field: refused before 3.12
# (fstring_find_expr), allowed since (PEP 701).
names = {"a": 1}
print(f"{names[\"a\"]}")
