# An empty replacement field in literals joined together.
name = "x"
print(f"{name}"
      f"{}" "ab", 1)
