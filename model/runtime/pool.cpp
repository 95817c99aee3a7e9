#include "model/runtime/pool.hpp"

#include "model/runtime/memory.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>
#if !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define ASIM_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define ASIM_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define ASIM_POISON(p, n) ((void)(p), (void)(n))
#define ASIM_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace asim::runtime::pool {

namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kMaxPooled = 1024;
constexpr std::size_t kClasses = kMaxPooled / kGranule + 1;
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kGranulesPerChunk = kChunkBytes / kGranule;
constexpr std::size_t kSlabBytes = 2 * 1024 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

// One chunk: 64 KiB aligned to its size, so a block finds its chunk by
// masking its address. Its header has a bit per granule, set where a live
// object starts; blocks of every size follow the header.
struct ChunkHeader {
  std::array<std::uint64_t, kGranulesPerChunk / 64> live;
};

constexpr std::size_t kHeaderBytes = (sizeof(ChunkHeader) + kGranule - 1) / kGranule * kGranule;

ChunkHeader* chunk_of(void* p) {
  return reinterpret_cast<ChunkHeader*>(reinterpret_cast<std::uintptr_t>(p) & ~(kChunkBytes - 1));
}

std::size_t granule_of(void* p) {
  return (reinterpret_cast<std::uintptr_t>(p) & (kChunkBytes - 1)) / kGranule;
}

void set_live(void* p, bool live) {
  const std::size_t g = granule_of(p);
  const std::uint64_t bit = std::uint64_t{1} << (g % 64);
  auto& word = chunk_of(p)->live[g / 64];
  word = live ? word | bit : word & ~bit;
}

#if defined(__EMSCRIPTEN__)
// WebAssembly has one linear memory and no pages to map: the slab is an
// aligned block of it.
void* map_slab() {
  void* p = std::aligned_alloc(kChunkBytes, kSlabBytes);
  if (!p) throw std::bad_alloc();
  count_mapped(static_cast<std::ptrdiff_t>(kSlabBytes));
  return p;
}
void unmap_slab(void* slab) {
  std::free(slab);
  count_mapped(-static_cast<std::ptrdiff_t>(kSlabBytes));
}
#else
// A slab aligned to a chunk, its pages mapped in one system call
// (MAP_POPULATE): faulting them in one by one as blocks were first touched
// cost 26 000 page faults, a tenth of the 100 000-task benchmark.
void* map_slab() {
  const std::size_t mapped = kSlabBytes + kChunkBytes;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + kChunkBytes - 1) & ~(kChunkBytes - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t end = aligned + kSlabBytes;
  if (start + mapped > end) munmap(reinterpret_cast<void*>(end), start + mapped - end);
  count_mapped(static_cast<std::ptrdiff_t>(kSlabBytes));
  return reinterpret_cast<void*>(aligned);
}
void unmap_slab(void* slab) {
  munmap(slab, kSlabBytes);
  count_mapped(-static_cast<std::ptrdiff_t>(kSlabBytes));
}
#endif

// Blocks of every size are cut in allocation order from one chunk at a time,
// so what a task makes in one step (its sleep's future, timer handle and
// coroutine frame) shares a page or two. Size-segregated chunks scattered
// them over as many pages as there were sizes: the loop then woke 100 000
// tasks in deadline order, not creation order, and missed the TLB for each
// piece. Freed blocks are recycled through a free list per size.
class Arena {
 public:
  Arena() = default;
  // At exit every run's heap is gone, so no block is in use any more.
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* slab : slabs_) unmap_slab(slab);
  }

  void* take(std::size_t cls) {
    const std::size_t bytes = cls * kGranule;
    if (FreeBlock* b = free_[cls]) {
      ASIM_UNPOISON(b, bytes);
      free_[cls] = b->next;
      return b;
    }
    if (static_cast<std::size_t>(chunk_end_ - next_) < bytes) new_chunk();
    void* p = next_;
    next_ += bytes;
    return p;
  }

  void give(void* p, std::size_t cls) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free_[cls];
    free_[cls] = b;
    ASIM_POISON(p, cls * kGranule);
  }

  void for_each_live(const std::function<void(void*)>& f) {
    for (ChunkHeader* c : chunks_)
      for (std::size_t w = 0; w < c->live.size(); ++w)
        for (std::uint64_t bits = c->live[w]; bits; bits &= bits - 1)
          f(reinterpret_cast<std::byte*>(c) + (w * 64 + static_cast<std::size_t>(std::countr_zero(bits))) * kGranule);
  }

 private:
  // The rest of the current chunk is too small for the block: it is left
  // unused rather than split, as blocks are at most 1 KiB of 64.
  void new_chunk() {
    if (slab_next_ == slab_end_) {
      void* slab = map_slab();
      slabs_.push_back(slab);
      slab_next_ = static_cast<std::byte*>(slab);
      slab_end_ = slab_next_ + kSlabBytes;
    }
    auto* c = new (slab_next_) ChunkHeader{};
    slab_next_ += kChunkBytes;
    chunks_.push_back(c);
    next_ = reinterpret_cast<std::byte*>(c) + kHeaderBytes;
    chunk_end_ = reinterpret_cast<std::byte*>(c) + kChunkBytes;
  }

  std::array<FreeBlock*, kClasses> free_{};
  std::vector<ChunkHeader*> chunks_;
  std::byte* next_ = nullptr;
  std::byte* chunk_end_ = nullptr;
  std::vector<void*> slabs_;
  std::byte* slab_next_ = nullptr;
  std::byte* slab_end_ = nullptr;
};

Arena& arena() {
  static Arena a;
  return a;
}

std::size_t size_class(std::size_t size) {
  return (size + kGranule - 1) / kGranule;
}

bool pooled(std::size_t size) {
  return size != 0 && size <= kMaxPooled;
}

}  // namespace

void* allocate(std::size_t size) {
  return pooled(size) ? arena().take(size_class(size)) : ::operator new(size);
}

void deallocate(void* p, std::size_t size) noexcept {
  if (!p) return;
  if (pooled(size)) arena().give(p, size_class(size));
  else ::operator delete(p);
}

void* allocate_object(std::size_t size) {
  if (!pooled(size)) throw std::bad_alloc();  // no model object is this large
  void* p = arena().take(size_class(size));
  set_live(p, true);
  return p;
}

void deallocate_object(void* p, std::size_t size) noexcept {
  if (!p) return;
  set_live(p, false);
  arena().give(p, size_class(size));
}

void for_each_live_object(const std::function<void(void*)>& f) {
  arena().for_each_live(f);
}

}  // namespace asim::runtime::pool
