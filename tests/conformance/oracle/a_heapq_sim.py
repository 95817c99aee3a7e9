"""(a'') Pure heapq simulation (key = when only, no tie-break) of the
a_timer_ties experiments; plain Python, no event loop.  If the output matches
a_timer_ties.py / a_timer_ties_t0.py then CPython's firing order is exactly
'heappush in scheduling order, heappop while when < now + resolution'."""
import heapq

class H:
    def __init__(self, when, tag): self.when, self.tag = when, tag
    def __lt__(self, o): return self.when < o.when

def pop_until(heap, now):
    out = []
    while heap and heap[0].when < now + 1e-9:
        out.append(heapq.heappop(heap).tag)
    return out

# exp1 (time 0): 5 x 1.0, then the sleep(2.0) timer
h = []
for i in range(5): heapq.heappush(h, H(1.0, i))
heapq.heappush(h, H(2.0, 'sleep'))
print('exp1', pop_until(h, 1.0), pop_until(h, 2.0))
# exp2 (time 2.0): heap empty; 8 x 3.0, then sleep -> 4.0
h = []
for i in range(8): heapq.heappush(h, H(3.0, i))
heapq.heappush(h, H(4.0, 'sleep'))
print('exp2', pop_until(h, 3.0))
# mix from t0=0
h = []
for i in range(3): heapq.heappush(h, H(1.0, 'later1.0#%d' % i))
for i in range(2): heapq.heappush(h, H(0.5, 'at0.5#%d' % i))
for i in range(3): heapq.heappush(h, H(1.0, 'at1.0#%d' % i))
heapq.heappush(h, H(2.0, 'sleep'))
print('mix', pop_until(h, 0.5) + pop_until(h, 1.0))
h = []
for i in range(16): heapq.heappush(h, H(3.0, i))
heapq.heappush(h, H(4.0, 'sleep'))
print('16x', pop_until(h, 3.0))
