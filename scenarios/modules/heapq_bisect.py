# heapq keeps CPython's heap layout (pushes, pops, heapify, replace) and bisect
# finds the same insertion points; messages as each version words them.
import heapq
import bisect

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]:
    heapq.heappush(h, x)
    print(h)
while h:
    print(heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, 0), data)
print(heapq.heappushpop(data, 11), data)
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(2, [5, 1, 9, 3, 7]))
people = [("bob", 30), ("amy", 25), ("cat", 35), ("dan", 25)]
print(heapq.nsmallest(2, people, key=lambda p: p[1]))
print(heapq.nlargest(2, people, key=lambda p: p[1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "sleep"))
heapq.heappush(tasks, (1, "eat"))
while tasks:
    prio, name = heapq.heappop(tasks)
    print(prio, name)
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError:", e)

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect_left(a, 10))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect(a, 4, 2, 5))
try:
    bisect.bisect(a, 4, -1)
except ValueError as e:
    print("ValueError:", e)
