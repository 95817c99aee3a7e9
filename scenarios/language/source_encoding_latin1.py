# -*- coding: latin-1 -*-
# The text below is Latin-1: one byte per accented letter.
word = "café"
print(word, len(word), word.upper())
