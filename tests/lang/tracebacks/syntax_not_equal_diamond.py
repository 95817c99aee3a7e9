# Python 2's '<>': one token to the PEG parsers (3.9+), marked whole.
a = 1
if a <> 2:
    print("different")
