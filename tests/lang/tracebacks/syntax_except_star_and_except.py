# asim: python>=3.11
# except* and except on one try: the second kind's 'except' marked.
try:
    raise ValueError(1)
except* ValueError:
    print("group")
except TypeError:
    print("plain")
