# asim: python>=3.10
# The same literal key twice in a mapping pattern: 3.10+ mark the pattern.
config = {"mode": 1}
match config:
    case {"mode": 1, "mode": 2}:
        print("never")
