# The same keyword argument twice in one call: 3.7-3.8 do not name it.
def greet(name, punctuation="!"):
    return name + punctuation


print(greet("Ada", punctuation="?", punctuation="."))
