# A newline in the format spec of a single-quoted f-string: 3.12+ end the
# spec there and meet the next token where they want the closing brace.
n = 255
print(f"{n:x
   }")
