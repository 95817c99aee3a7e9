// CPython's heapq (Lib/heapq.py, same algorithm as Modules/_heapqmodule.c).
// The loop's timers are ordered by deadline only, so which of several equal
// deadlines fires first is decided by these exact sift steps; any other heap
// would give other tie orders than CPython.
#pragma once

#include <cstddef>
#include <utility>

namespace asim::asyncio::heapq {

// Heaps are random-access containers (the loop's vector of timers, a
// PriorityQueue's deque of items).

// heapq._siftdown: moves heap[pos] up towards startpos. The item travels
// as a hole, as in heapq.py; a comparison that raises (PriorityQueue items
// Python cannot order) puts it back first, so no item is lost.
template <class Heap, class Less>
void siftdown(Heap& heap, std::size_t startpos, std::size_t pos, Less less) {
  auto newitem = std::move(heap[pos]);
  try {
    while (pos > startpos) {
      const std::size_t parentpos = (pos - 1) >> 1;
      if (!less(newitem, heap[parentpos])) break;
      heap[pos] = std::move(heap[parentpos]);
      pos = parentpos;
    }
  } catch (...) {
    heap[pos] = std::move(newitem);
    throw;
  }
  heap[pos] = std::move(newitem);
}

// heapq._siftup: sinks heap[pos] to a leaf along the smaller children, then
// lets it rise again (Knuth's trick that CPython uses).
template <class Heap, class Less>
void siftup(Heap& heap, std::size_t pos, Less less) {
  const std::size_t endpos = heap.size();
  const std::size_t startpos = pos;
  auto newitem = std::move(heap[pos]);
  try {
    std::size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
      const std::size_t rightpos = childpos + 1;
      if (rightpos < endpos && !less(heap[childpos], heap[rightpos])) childpos = rightpos;
      heap[pos] = std::move(heap[childpos]);
      pos = childpos;
      childpos = 2 * pos + 1;
    }
  } catch (...) {
    heap[pos] = std::move(newitem);
    throw;
  }
  heap[pos] = std::move(newitem);
  siftdown(heap, startpos, pos, less);
}

template <class Heap, class T, class Less>
void heappush(Heap& heap, T item, Less less) {
  heap.push_back(std::move(item));
  siftdown(heap, 0, heap.size() - 1, less);
}

template <class Heap, class Less>
auto heappop(Heap& heap, Less less) {
  auto lastelt = std::move(heap.back());
  heap.pop_back();
  if (heap.empty()) return lastelt;
  auto returnitem = std::move(heap[0]);
  heap[0] = std::move(lastelt);
  siftup(heap, 0, less);
  return returnitem;
}

template <class Heap, class Less>
void heapify(Heap& heap, Less less) {
  for (std::size_t i = heap.size() / 2; i-- > 0;) siftup(heap, i, less);
}

}  // namespace asim::asyncio::heapq
