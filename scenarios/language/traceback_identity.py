# A traceback object stays the same object while the exception does not
# move on: e.__traceback__ is e.__traceback__, sys.exc_info() tuples compare
# equal, tb_next is stable; re-raised further out, a new head links to the
# old one.
import sys


def inner():
    raise KeyError("k")


def middle():
    inner()


try:
    middle()
except KeyError as e:
    first = e.__traceback__
    print(first is e.__traceback__, sys.exc_info() == sys.exc_info())
    print(sys.exc_info()[2] is first, first.tb_next is first.tb_next)
    print(first.tb_next.tb_next.tb_next is None, first.tb_next.tb_frame.f_code.co_name)
    saved = e


def outer():
    try:
        raise saved
    except KeyError as again:
        return again.__traceback__


head = outer()
print(head is first, head.tb_next is not None, head.tb_frame.f_code.co_name)
print(saved.with_traceback(first).__traceback__ is first, saved.__traceback__.tb_next is first.tb_next)
print(saved.with_traceback(None).__traceback__)
