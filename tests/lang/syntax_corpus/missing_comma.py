# expect: 3:5: SyntaxError: invalid syntax. Perhaps you forgot a comma?
tasks = [
    make(1)
    make(2)
]
