# 3.7-3.8: a character no token begins with, where a block should begin,
# is "invalid syntax" before any missing indentation.
for value in range(3):
    try:
    ?    print(value)
