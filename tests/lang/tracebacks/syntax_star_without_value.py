# A bare '*' after positional arguments: 3.9-3.10 take it for unpacking
# after keyword arguments; the others stop at what follows it.
words = ["a", "b"]
print(len(words), *)
