# A continuation in the indentation with nothing after it: the end of the
# input (3.9+), an unexpected indent before.
total = 1
    \
