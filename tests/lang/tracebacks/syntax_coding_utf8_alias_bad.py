# coding: utf8
# utf8 (not the tokenizer's own spelling utf-8) goes to the codec, which refuses the byte.
print('café')
