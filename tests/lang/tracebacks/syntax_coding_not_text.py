#!/usr/bin/env python3
# vim: set fileencoding=rot13 :
# A codec that is not a text encoding.
print('never runs')
