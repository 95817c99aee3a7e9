# Invalid escape sequences: a SyntaxWarning from 3.12 (before, a
# DeprecationWarning the default filters hide). The first of each literal,
# a plain literal at its first line, an f-string's at its last.
import re

x = 1
print(re.findall("\d+", "a1b22"), "\[x\]", b"\q", "\777", b"\400", "\8")
print(("\w"
       "\s" f"\p{x}\z{{\y"
       f"""{x}
\e""" "\%"))
print("ok\
\m", r"\d", "\\d", "\é", f"\{x}")
path = """C:\code
\tmp \more"""
print(path)
