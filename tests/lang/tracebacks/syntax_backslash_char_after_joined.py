total = 1 + \
    2 \ + 3
print(total)
