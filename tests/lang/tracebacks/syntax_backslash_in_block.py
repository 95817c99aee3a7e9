# A backslash line inside a block, joined to an empty line: on 3.7-3.8 it
# ends the block, so the next line is an unexpected indent; 3.9+ skip it.
if True:
    x = 1
\

    print(x)
