# coding: cp1252
# 0x81 is no character in Windows-1252.
print('')
