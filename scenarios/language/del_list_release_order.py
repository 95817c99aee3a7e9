# The order in which items a list lets go of are released (their __del__
# runs): slices deleted or replaced, del of one item, *= 0, pop, dict.clear.
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
lst = [A(1), A(2), A(3)]
del lst[:]
lst = [A(4), A(5)]
lst[0:2] = []
lst = [A(6), A(7)]
lst.pop()
del lst[0]
d = {"a": A(8), "b": A(9)}
d.clear()
s = [A(10), A(11)]
s *= 0
e = [A(i) for i in range(12, 18)]
del e[::2]
print("kept", [x.n for x in e])
e[::-1] = [None, None, None]
print("replaced")
f = [A(20), A(21), A(22)]
del f[::-1]
print("end")
