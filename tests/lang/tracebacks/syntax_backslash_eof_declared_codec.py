# -*- coding: iso-8859-15 -*-
# The file is read through its codec: a backslash ending the last line
# meets the end of the file one line sooner than in a UTF-8 file.
price = 5
print(price, "€")\
