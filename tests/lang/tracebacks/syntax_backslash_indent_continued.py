# A backslash in the indentation of a block: 3.9 takes the line for a
# blank one (the indentation stays), 3.10+ indents at the backslash.
if True:
  \
    y = 2
