# `**` in a dict comprehension, which only dict displays allow.
defaults = [{"a": 1}, {"b": 2}]
merged = {**d for d in defaults}
print(merged)
