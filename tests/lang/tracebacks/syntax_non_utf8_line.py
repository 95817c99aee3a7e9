import sys

print('no declaration, so this is not UTF-8: é')
