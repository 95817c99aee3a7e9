# expect: 2:7: SyntaxError: named arguments must follow bare *
def f(*):
    pass
