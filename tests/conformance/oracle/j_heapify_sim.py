"""(j') Plain heapq simulation of j_heapify.py, once with CPython's purge rule
and once without it, to show the rule changes the tie order (so a model that
skipped or mis-implemented it would fire in another order)."""
import heapq

D = [1.0, 1.0, 2.0, 1.5, 1.0, 2.0, 3.0]

class H:
    def __init__(self, when, tag):
        self.when, self.tag, self.cancelled = when, tag, False
    def __lt__(self, o):
        return self.when < o.when

def run(cancel, purge):
    heap = []
    hs = []
    for i in range(150):
        h = H(D[i % 7], i)
        heapq.heappush(heap, h)
        hs.append(h)
    heapq.heappush(heap, H(5.0, 'sleep'))
    n = 0
    for i, h in enumerate(hs):
        if cancel(i):
            h.cancelled = True
            n += 1
    if purge and len(heap) > 100 and n / len(heap) > 0.5:
        heap = [h for h in heap if not h.cancelled]
        heapq.heapify(heap)
    out = []
    while heap:
        h = heapq.heappop(heap)
        if not h.cancelled and h.tag != 'sleep':
            out.append(h.tag)
    return out

for label, cancel in (('H', lambda i: i % 3 != 0), ('N', lambda i: i % 5 in (1, 3))):
    a = run(cancel, True)
    b = run(cancel, False)
    print('%s with purge   : %r' % (label, a))
    print('%s without purge: %r' % (label, b))
    print('%s same: %r' % (label, a == b))
