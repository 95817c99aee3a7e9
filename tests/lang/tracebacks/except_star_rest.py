# asim: python>=3.11
# What except* leaves unhandled propagates as a group: the parts re-raised
# keep the caught group's shape, a new exception raised in a clause joins
# them in a new group.
def work():
    raise ExceptionGroup("batch", [ValueError("bad"), KeyError("gone"), TypeError("odd")])


try:
    work()
except* ValueError:
    raise RuntimeError("while handling")
except* KeyError:
    print("keys handled")
