// CPython's heapq (Lib/heapq.py, same algorithm as Modules/_heapqmodule.c).
// The loop's timers are ordered by deadline only, so which of several equal
// deadlines fires first is decided by these exact sift steps; any other heap
// would give other tie orders than CPython.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace asim::asyncio::heapq {

// heapq._siftdown: moves heap[pos] up towards startpos.
template <class T, class Less>
void siftdown(std::vector<T>& heap, std::size_t startpos, std::size_t pos, Less less) {
  T newitem = std::move(heap[pos]);
  while (pos > startpos) {
    const std::size_t parentpos = (pos - 1) >> 1;
    if (less(newitem, heap[parentpos])) {
      heap[pos] = std::move(heap[parentpos]);
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = std::move(newitem);
}

// heapq._siftup: sinks heap[pos] to a leaf along the smaller children, then
// lets it rise again (Knuth's trick that CPython uses).
template <class T, class Less>
void siftup(std::vector<T>& heap, std::size_t pos, Less less) {
  const std::size_t endpos = heap.size();
  const std::size_t startpos = pos;
  T newitem = std::move(heap[pos]);
  std::size_t childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const std::size_t rightpos = childpos + 1;
    if (rightpos < endpos && !less(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = std::move(heap[childpos]);
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = std::move(newitem);
  siftdown(heap, startpos, pos, less);
}

template <class T, class Less>
void heappush(std::vector<T>& heap, T item, Less less) {
  heap.push_back(std::move(item));
  siftdown(heap, 0, heap.size() - 1, less);
}

template <class T, class Less>
T heappop(std::vector<T>& heap, Less less) {
  T lastelt = std::move(heap.back());
  heap.pop_back();
  if (heap.empty()) return lastelt;
  T returnitem = std::move(heap[0]);
  heap[0] = std::move(lastelt);
  siftup(heap, 0, less);
  return returnitem;
}

template <class T, class Less>
void heapify(std::vector<T>& heap, Less less) {
  for (std::size_t i = heap.size() / 2; i-- > 0;) siftup(heap, i, less);
}

}  // namespace asim::asyncio::heapq
