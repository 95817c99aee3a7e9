# expect-exit: 2
# expect-stderr-contains: del_cycle_at_exit.py:9: not supported by asim: Node.__del__ for an instance still alive when the program ends
# A cycle is freed by CPython's collector, whenever it runs; asim frees
# cycles only at the end of the run: an instance in one whose class has
# __del__ stops the run rather than have it called at another time.


class Node:
    def __del__(self):
        print("node freed")


def build():
    node = Node()
    node.next = node


build()
print("end")
