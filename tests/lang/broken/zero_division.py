# expect-exit: 1
# expect-stderr-last: ZeroDivisionError: division by zero
print(1 / 0)
