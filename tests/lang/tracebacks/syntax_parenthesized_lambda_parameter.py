# Python 2's parenthesized parameters: 3.11+ name them.
pairs = [(1, 2)]
print(list(map(lambda (a, b): a + b, pairs)))
