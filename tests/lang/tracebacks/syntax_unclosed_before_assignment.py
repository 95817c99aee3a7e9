# A bracket left open above a line that reads as `target = value`: 3.10+
# looked past that line before failing, so the unclosed bracket is reported.
total = (1 +
total = (1 +
         2)
print(total)
