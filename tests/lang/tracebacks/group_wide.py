# asim: python>=3.11
# Past fifteen members the tree says how many more there are.
errors = [ValueError(i) for i in range(17)]
raise ExceptionGroup("wide", errors)
