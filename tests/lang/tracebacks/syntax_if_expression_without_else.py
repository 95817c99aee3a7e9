# A conditional expression without 'else': 3.10+ mark it up to the test.
n = 3
label = "many" if n > 1
print(label)
