#include "model/runtime/pool.hpp"

#include <array>
#include <memory>
#include <new>
#include <vector>

namespace asim::runtime::pool {

namespace {

#if defined(ASIM_NO_POOL)
constexpr bool kEnabled = false;
#else
constexpr bool kEnabled = true;
#endif

constexpr std::size_t kGranule = 16;
constexpr std::size_t kMaxPooled = 1024;
constexpr std::size_t kChunkBytes = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

struct Pools {
  std::array<FreeBlock*, kMaxPooled / kGranule + 1> free{};
  std::vector<std::unique_ptr<std::byte[]>> chunks;
  std::byte* bump = nullptr;
  std::size_t bump_left = 0;

  void* take(std::size_t cls) {
    if (FreeBlock* b = free[cls]) {
      free[cls] = b->next;
      return b;
    }
    const std::size_t bytes = cls * kGranule;
    if (bump_left < bytes) {
      chunks.push_back(std::make_unique<std::byte[]>(kChunkBytes));
      bump = chunks.back().get();
      bump_left = kChunkBytes;
    }
    void* p = bump;
    bump += bytes;
    bump_left -= bytes;
    return p;
  }
};

Pools& pools() {
  static Pools p;
  return p;
}

std::size_t size_class(std::size_t size) {
  return (size + kGranule - 1) / kGranule;
}

}  // namespace

void* allocate(std::size_t size) {
  if (!kEnabled || size > kMaxPooled || size == 0) return ::operator new(size);
  return pools().take(size_class(size));
}

void deallocate(void* p, std::size_t size) noexcept {
  if (!p) return;
  if (!kEnabled || size > kMaxPooled || size == 0) {
    ::operator delete(p);
    return;
  }
  auto& pl = pools();
  const std::size_t cls = size_class(size);
  auto* b = static_cast<FreeBlock*>(p);
  b->next = pl.free[cls];
  pl.free[cls] = b;
}

}  // namespace asim::runtime::pool
