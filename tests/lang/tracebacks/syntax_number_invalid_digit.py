# An octal literal with a digit 8: 3.7 reads `0o1` and then `8`.
mask = 0o18
