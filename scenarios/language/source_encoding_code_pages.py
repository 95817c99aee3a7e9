# coding: ISO-8859-15
# iso-8859-15, as the registry's normalisation finds it.
print('euro: €, oe: œ')
print(len('€œ'), ord('€'))
