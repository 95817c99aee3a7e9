# A continuation in the indentation ending the file without a newline.
if True:
    total = 1
        \