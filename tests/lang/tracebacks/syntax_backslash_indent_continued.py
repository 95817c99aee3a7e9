# A backslash in the indentation of a block: 3.9 takes the continued
# line for column 0, 3.10+ for the backslash's column.
if True:
  \
    y = 2
