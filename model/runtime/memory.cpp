#include "model/runtime/memory.hpp"

#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {
std::atomic<std::size_t> in_use{0};
std::size_t budget = 0;
// A MemoryError was raised for the budget and memory has not come back
// under it since.
bool exhausted = false;
// Allocations this large are refused before they are made; smaller ones
// are caught by the periodic check, a few thousand instructions later.
constexpr std::size_t kRefusedFrom = std::size_t{1} << 20;

// What the program may still take after its MemoryError (its handler, the
// traceback) before the run stops.
std::size_t grace() { return std::max<std::size_t>(budget / 16, std::size_t{16} << 20); }

std::string mib(std::size_t bytes) { return fmt::format("{} MiB", (bytes + (1u << 20) - 1) >> 20); }
}  // namespace

void set_memory_budget(std::size_t bytes) {
  budget = bytes;
  exhausted = false;
}

std::size_t memory_budget() noexcept { return budget; }

std::size_t memory_in_use() noexcept { return in_use.load(std::memory_order_relaxed); }

std::size_t default_memory_budget() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  constexpr std::size_t cap = std::size_t{4} << 30;
  if (pages <= 0 || page <= 0) return cap;
  return std::min(static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / 2, cap);
}

MemoryLimit::MemoryLimit(std::size_t limit)
    : std::runtime_error(fmt::format(
          "asim: stopped: the program still needed more memory than the budget of {} after its MemoryError "
          "(raise the budget with --max-memory, or turn limits off with --no-limits)",
          mib(limit))) {
  detail::tearing_down = true;  // the run ends quietly, as at asyncio::ModelStop
}

void check_memory() {
  if (!budget) return;
  const std::size_t now = memory_in_use();
  if (now <= budget) {
    exhausted = false;
    return;
  }
  if (!exhausted) {
    exhausted = true;
    throw PyError{new_exception(Runtime::current().builtins.MemoryError)};
  }
  if (now > budget + grace()) throw MemoryLimit(budget);
}

void count_mapped(std::ptrdiff_t bytes) noexcept {
  in_use.fetch_add(static_cast<std::size_t>(bytes), std::memory_order_relaxed);
}

namespace {
void* allocate(std::size_t size) {
  if (budget && size >= kRefusedFrom && memory_in_use() + size > budget) throw std::bad_alloc();
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  in_use.fetch_add(malloc_usable_size(p), std::memory_order_relaxed);
  return p;
}

void release(void* p) noexcept {
  if (!p) return;
  in_use.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
  std::free(p);
}
}  // namespace

}  // namespace asim::runtime

// The replaceable global allocation functions ([new.delete.single] and
// [new.delete.array]). The standard library's own array and nothrow forms
// would call the single ones, but a sanitizer runtime replaces each form on
// its own, so every form is replaced here and the pairs always match. The
// aligned forms are left to the runtime: they pair among themselves.
void* operator new(std::size_t size) { return asim::runtime::allocate(size); }
void* operator new[](std::size_t size) { return asim::runtime::allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return asim::runtime::allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { asim::runtime::release(p); }
void operator delete(void* p, std::size_t) noexcept { asim::runtime::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { asim::runtime::release(p); }
void operator delete[](void* p) noexcept { asim::runtime::release(p); }
void operator delete[](void* p, std::size_t) noexcept { asim::runtime::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { asim::runtime::release(p); }
