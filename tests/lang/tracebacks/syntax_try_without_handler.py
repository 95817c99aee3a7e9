# A try block with neither except nor finally.
try:
    value = int("7")
print(value)
