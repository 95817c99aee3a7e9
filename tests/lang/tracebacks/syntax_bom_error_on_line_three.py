# A file beginning with a UTF-8 BOM: 3.9+ show it in the line read back
# (line 1 only), the caret counted over its bytes.
if True print("x")
