# expect-exit: 1
# expect-stderr-last: TypeError: 'int' object is not callable
x = 5
x()
