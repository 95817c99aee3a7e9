// Arena allocation for model objects and coroutine frames. A run allocates
// and frees millions of small blocks (tasks, coroutine frames, futures,
// handles); malloc's per-block header and bookkeeping cost more than the
// objects. Blocks of every size are cut in allocation order, so what is made
// together lies together; freed blocks go to a free list per size. A bit per
// 16 bytes marks where live objects start, so the heap can find every live
// object at the end of a run without a list through the objects. Blocks are
// recycled, never given back to the system. Under AddressSanitizer freed
// blocks are poisoned.
#pragma once

#include <cstddef>
#include <functional>

namespace asim::runtime::pool {

// Any block: coroutine frames and the like.
void* allocate(std::size_t size);
void deallocate(void* p, std::size_t size) noexcept;

// Blocks that hold an Object.
void* allocate_object(std::size_t size);
void deallocate_object(void* p, std::size_t size) noexcept;
// Every object block allocated and not yet freed, in a fixed order.
void for_each_live_object(const std::function<void(void*)>& f);

}  // namespace asim::runtime::pool

namespace asim::runtime {

// A std::allocator stand-in over the pool, for the small vectors the loop
// makes by the million (a handle's arguments).
template <class T>
struct PoolAllocator {
  using value_type = T;
  PoolAllocator() = default;
  template <class U>
  PoolAllocator(const PoolAllocator<U>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(pool::allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { pool::deallocate(p, n * sizeof(T)); }
  friend bool operator==(const PoolAllocator&, const PoolAllocator&) { return true; }
};

}  // namespace asim::runtime
