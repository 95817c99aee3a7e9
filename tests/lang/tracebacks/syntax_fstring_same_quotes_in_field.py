# The f-string's own quotes inside a field: before 3.12 the literal ends
# at the second quote, leaving the '[' unmatched (3.7-3.8 fail on the name
# after it first).
x = {"a": 1}
print(f"{x["a"]}")
