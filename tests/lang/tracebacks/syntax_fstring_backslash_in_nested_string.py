# A backslash inside a string within a replacement field.
lines = ["a", "b"]
print(f"{'\n'.join(lines)}")
