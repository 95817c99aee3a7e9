# expect: 2:7: SyntaxError: unterminated string literal (detected at line 2)
print("hello)
