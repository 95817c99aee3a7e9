#include "model/runtime/pool.hpp"

#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

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
constexpr std::size_t kMaxBlocksPerChunk = kChunkBytes / kGranule;

struct FreeBlock {
  FreeBlock* next;
};

// One chunk: 64 KiB aligned to its size, so a block finds its chunk by
// masking its address. The header holds the block size and a bit per block
// in use; blocks are handed out from just after the header.
struct ChunkHeader {
  std::size_t bytes;  // block size
  std::size_t used;   // blocks handed out at least once
  std::bitset<kMaxBlocksPerChunk> live;
};

constexpr std::size_t kHeaderBytes = (sizeof(ChunkHeader) + kGranule - 1) / kGranule * kGranule;

ChunkHeader* chunk_of(void* p) {
  return reinterpret_cast<ChunkHeader*>(reinterpret_cast<std::uintptr_t>(p) & ~(kChunkBytes - 1));
}

std::byte* first_block(ChunkHeader* c) {
  return reinterpret_cast<std::byte*>(c) + kHeaderBytes;
}

std::size_t index_of(ChunkHeader* c, void* p) {
  return static_cast<std::size_t>(static_cast<std::byte*>(p) - first_block(c)) / c->bytes;
}

// Chunks are cut from 2 MiB slabs: aligning each 64 KiB chunk on its own
// through aligned_alloc costs malloc's alignment slack every time (about 10 MB
// over the 100 000-task benchmark). Transparent huge pages (MADV_HUGEPAGE)
// made runs faster on average but far less steady (the kernel compacts memory
// on fault), so they are not asked for.
class ChunkSource {
 public:
  ~ChunkSource() {
    for (void* slab : slabs_) std::free(slab);
  }
  void* take() {
    if (next_ == end_) {
      void* slab = std::aligned_alloc(kSlabBytes, kSlabBytes);
      if (!slab) throw std::bad_alloc();
      slabs_.push_back(slab);
      next_ = static_cast<std::byte*>(slab);
      end_ = next_ + kSlabBytes;
    }
    void* chunk = next_;
    next_ += kChunkBytes;
    return chunk;
  }

 private:
  static constexpr std::size_t kSlabBytes = 2 * 1024 * 1024;
  std::vector<void*> slabs_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
};

ChunkSource& chunk_source() {
  static ChunkSource source;
  return source;
}

class SizeClassPool {
 public:
  explicit SizeClassPool(bool track_live) : track_live_(track_live) {}
  // At exit every run's heap is gone, so no block is in use any more.
  SizeClassPool(const SizeClassPool&) = delete;
  SizeClassPool& operator=(const SizeClassPool&) = delete;

  void* take(std::size_t cls) {
    const std::size_t bytes = cls * kGranule;
    if (FreeBlock* b = free_[cls]) {
      ASIM_UNPOISON(b, bytes);
      free_[cls] = b->next;
      if (track_live_) chunk_of(b)->live.set(index_of(chunk_of(b), b));
      return b;
    }
    auto& chunks = chunks_[cls];
    if (chunks.empty() || kHeaderBytes + (chunks.back()->used + 1) * bytes > kChunkBytes) {
      chunks.push_back(new (chunk_source().take()) ChunkHeader{bytes, 0, {}});
    }
    ChunkHeader* c = chunks.back();
    void* p = first_block(c) + c->used * bytes;
    if (track_live_) c->live.set(c->used);
    ++c->used;
    return p;
  }

  void give(void* p, std::size_t cls) {
    if (track_live_) chunk_of(p)->live.reset(index_of(chunk_of(p), p));
    auto* b = static_cast<FreeBlock*>(p);
    b->next = free_[cls];
    free_[cls] = b;
    ASIM_POISON(p, cls * kGranule);
  }

  void for_each_live(const std::function<void(void*)>& f) {
    for (auto& chunks : chunks_)
      for (ChunkHeader* c : chunks)
        for (std::size_t i = 0; i < c->used; ++i)
          if (c->live.test(i)) f(first_block(c) + i * c->bytes);
  }

 private:
  bool track_live_;
  std::array<FreeBlock*, kClasses> free_{};
  std::array<std::vector<ChunkHeader*>, kClasses> chunks_;
};

SizeClassPool& frames() {
  static SizeClassPool p(false);
  return p;
}

SizeClassPool& objects() {
  static SizeClassPool p(true);
  return p;
}

std::size_t size_class(std::size_t size) {
  return (size + kGranule - 1) / kGranule;
}

bool pooled(std::size_t size) {
  return size != 0 && size <= kMaxPooled;
}

}  // namespace

void* allocate(std::size_t size) {
  return pooled(size) ? frames().take(size_class(size)) : ::operator new(size);
}

void deallocate(void* p, std::size_t size) noexcept {
  if (!p) return;
  if (pooled(size)) frames().give(p, size_class(size));
  else ::operator delete(p);
}

void* allocate_object(std::size_t size) {
  if (!pooled(size)) throw std::bad_alloc();  // no model object is this large
  return objects().take(size_class(size));
}

void deallocate_object(void* p, std::size_t size) noexcept {
  if (p) objects().give(p, size_class(size));
}

void for_each_live_object(const std::function<void(void*)>& f) {
  objects().for_each_live(f);
}

}  // namespace asim::runtime::pool
