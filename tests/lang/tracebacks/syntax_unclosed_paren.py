total = (1,
count = 2
