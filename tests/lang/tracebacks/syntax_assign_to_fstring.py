# An f-string as a target: a "literal" on 3.7.
name = "x"
f"{name}" = 1
