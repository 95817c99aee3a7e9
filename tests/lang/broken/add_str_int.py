# expect-exit: 1
# expect-stderr-last: TypeError: can only concatenate str (not "int") to str
x = "a" + 1
