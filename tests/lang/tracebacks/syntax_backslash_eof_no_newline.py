if True:
    total = 1 + \