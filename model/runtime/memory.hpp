// The memory budget (asim exec --max-memory): a cap on the bytes the model
// holds for the program, so that `[0] * 10**9` gets CPython's MemoryError
// instead of taking the machine's memory. Every C++ allocation and every
// slab of the object pool is counted; an allocation of a megabyte or more
// that would pass the budget is refused before it is made (std::bad_alloc,
// which the eval loop raises as MemoryError at the instruction, as
// PyErr_NoMemory); smaller ones go through and the eval loop's periodic
// check raises MemoryError there. If the program goes on allocating past
// the budget and a grace margin after that, the run stops (MemoryLimit).
#pragma once

#include <cstddef>
#include <stdexcept>

namespace asim::runtime {

// 0: no budget (the default, and --no-limits).
void set_memory_budget(std::size_t bytes);
std::size_t memory_budget() noexcept;
// Bytes allocated now (C++ heap in use plus the pool's slabs).
std::size_t memory_in_use() noexcept;
// The default budget: half the machine's physical memory, at most 4 GiB.
std::size_t default_memory_budget();

// Not a Python exception: the program cannot catch it (exit 2).
class MemoryLimit : public std::runtime_error {
 public:
  explicit MemoryLimit(std::size_t budget);
};

// For the eval loop's periodic check: throws MemoryError the first time
// the budget is passed, MemoryLimit when still past it plus the grace.
void check_memory();

// For the pool's slabs, which bypass operator new.
void count_mapped(std::ptrdiff_t bytes) noexcept;

}  // namespace asim::runtime
