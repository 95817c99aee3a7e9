# A parser error before a line begun with a backslash that is not its last
# character: that continuation error (a tokenizer status) does not replace it.
def main():
print(1)
\ print(2)
