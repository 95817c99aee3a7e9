# An uncaught digit-limit error ends the program with its traceback.
n = 10 ** 4300
print(n)
