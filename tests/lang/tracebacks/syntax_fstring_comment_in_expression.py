# A '#' in a replacement field: "cannot include '#'" before 3.12, an
# unclosed '{' on 3.12+ (the comment runs to the line's end).
total = 3
print(f"{total # the sum}")
