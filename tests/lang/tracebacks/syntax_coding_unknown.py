# -*- coding: latin-1x -*-
# A name the codec registry does not know: CPython's 'encoding problem'.
print('never runs')
