# expect: 2:5: not supported by asim: integer literal too large for asim (64-bit ints)
x = 123456789012345678901234567890
