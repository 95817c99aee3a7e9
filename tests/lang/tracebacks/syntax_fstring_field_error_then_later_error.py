# The same with a field that does not parse.
name = "x"
label = f"{name name}"
total = 1 +
