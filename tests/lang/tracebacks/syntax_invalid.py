def f():
    return foo bar baz
