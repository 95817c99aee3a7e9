# A string in a replacement field that does not end before the f-string does.
print(f"{'abc}")
