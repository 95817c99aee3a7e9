# expect-exit: 2
# expect-stderr-contains: del_alive_at_exit.py:9: not supported by asim: Resource.__del__ for an instance still alive when the program ends
# CPython runs the __del__ of what module globals still hold as it clears
# the modules at shutdown, in an order of its own per version; asim stops
# rather than print the calls in another order, or none.


class Resource:
    def __del__(self):
        print("closing")


held = [Resource(), Resource()]
print("end")
