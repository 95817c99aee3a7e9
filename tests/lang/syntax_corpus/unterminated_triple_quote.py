# expect: 2:1: SyntaxError: unterminated triple-quoted string literal (detected at line 5)
"""A docstring
that never ends.

print(1)
