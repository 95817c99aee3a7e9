# expect-exit: 2
# expect-stderr-contains: del_alive_at_sys_exit.py:9: not supported by asim: Handle.__del__ for an instance still alive when the program ends
# sys.exit() leaves the globals to the shutdown as the end of the program
# does: asim stops rather than model the order of their __del__ calls.
import sys


class Handle:
    def __del__(self):
        print("released")


handle = Handle()
sys.exit(0)
