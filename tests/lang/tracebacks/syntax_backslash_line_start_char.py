# A line beginning (after its indentation) with a backslash that is not
# the last character: 3.9+ read it as a continuation there.
total = 1
  \ total += 1
print(total)
