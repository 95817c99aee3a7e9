count = 1 +
