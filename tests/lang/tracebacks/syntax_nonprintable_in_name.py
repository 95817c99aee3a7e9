# A zero-width space after a name: not printable, so worded apart.
value = 2
print(value​)
