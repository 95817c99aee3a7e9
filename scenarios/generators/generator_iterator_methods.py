# A generator's __iter__ and __next__ are methods of its own, called
# directly as iter() and next() call them.
def count_to(n):
    i = 0
    while i < n:
        i += 1
        yield i
    return "finished"

g = count_to(2)
print(hasattr(g, "__iter__"), hasattr(g, "__next__"), g.__iter__() is g)
print(g.__next__(), next(g))
try:
    g.__next__()
except StopIteration as e:
    print("StopIteration", e.value)
print(type(g).__next__(count_to(1)))
