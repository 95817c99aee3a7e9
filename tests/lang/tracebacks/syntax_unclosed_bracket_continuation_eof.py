# A backslash continuation meets the end of the file while a bracket is open,
# after a parser error on a later line: 3.10+ report the bracket.
prices = [
    def total(self):
\