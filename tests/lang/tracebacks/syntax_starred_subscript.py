# A starred index (PEP 646, 3.11+): indexing with a tuple.
table = {(1, 2): "one-two"}
key = [1, 2]
table[*key] = "again"
print(table)
print(table[*key])
