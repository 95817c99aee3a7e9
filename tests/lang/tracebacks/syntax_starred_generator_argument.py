# A starred element in an unparenthesized generator expression argument.
rows = [[1, 2], [3]]
print("cells:", *row for row in rows)
