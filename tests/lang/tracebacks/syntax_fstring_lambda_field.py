# A lambda in a replacement field: before 3.12 its text up to the ':' is
# compiled as "(lambda x)"; 3.12+ name it, marked up to the ':'.
print(f"{lambda x: x}")
