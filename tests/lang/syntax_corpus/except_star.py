# expect: 4:1: not supported by asim: except* (exception groups)
try:
    pass
except* ValueError:
    pass
