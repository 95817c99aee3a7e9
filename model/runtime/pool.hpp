// A size-class free-list allocator for model objects and coroutine frames.
// A run allocates and frees millions of small blocks (a task, its coroutine
// frames, futures, handles); malloc's per-block header and consolidation cost
// more than the objects themselves. Blocks are recycled per size class and
// never returned to the system. Sanitizer builds bypass the pool, so ASan
// still sees every allocation.
#pragma once

#include <cstddef>

namespace asim::runtime::pool {

void* allocate(std::size_t size);
void deallocate(void* p, std::size_t size) noexcept;

}  // namespace asim::runtime::pool
