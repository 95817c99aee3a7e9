# asim: python>=3.10
# Two starred names in one sequence pattern.
items = [1, 2, 3]
match items:
    case [*head, *tail]:
        print(head, tail)
