# A string continued by a backslash, unterminated on the next line.
message = "first part \
second part
print(message)
