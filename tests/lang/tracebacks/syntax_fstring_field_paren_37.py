# 3.7 takes a closing parenthesis in an f-string field for part of the
# expression (3.8+ refuse it as unmatched).
count = 1
label = f"{count)}"
