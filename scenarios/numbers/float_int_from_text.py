# float() and int() of str, bytes and bytearray: what they accept, and how the
# ValueError words text of only whitespace (3.7 leaves it out, 3.8-3.9 quote the
# stripped text, 3.10+ show the argument).
for s in ['', ' ', '\t\n', ' x ', 'x', '\u3000', '\u3000x', ' 1 2 ', '1_000.5', ' -2.5e3 ', 'nan', '-inf',
          b'', b' ', b'x ', b' 1.5 ', b'1e3', bytearray(b' '), bytearray(b'7.25')]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), str(e))
for s, base in [(b'12', 10), (b' 42 ', 10), (b'ff', 16), (b'0b101', 0), (b'x', 10), (bytearray(b'9'), 10), (b'', 10)]:
    try:
        print(repr(s), int(s, base), int(s) if base == 10 else '')
    except ValueError as e:
        print(repr(s), str(e))
