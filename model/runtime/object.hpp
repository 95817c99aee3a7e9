// The Python object model's base: every model object (future, task, coroutine,
// exception, string...) is an Object with an intrusive reference count, like
// CPython's PyObject. Counting frees acyclic garbage at once (the 100 000-task
// benchmark needs that); the Heap frees whatever cycles remain when a run ends.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>

#include "model/runtime/pool.hpp"

namespace asim::runtime {

class Heap;
class Type;
class Coroutine;
class FutureAwaitable;

namespace detail {
// True while a Heap frees its leftovers, or once asim stops a run: references
// then release nothing (the object they point at may already be gone).
inline bool tearing_down = false;
}  // namespace detail


class Object {
 public:
  Object();
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object();

  // CPython's type(obj).__name__.
  virtual std::string_view type_name() const = 0;
  // CPython's repr(); the default is object.__repr__ with a stable fake address.
  virtual std::string repr() const;

  // The object as a future `await` can take directly, or nullptr. A virtual
  // call instead of a dynamic_cast: every await and every task step asks.
  virtual FutureAwaitable* future_awaitable() { return nullptr; }
  // The object as a coroutine, or nullptr; for the same reason.
  virtual Coroutine* coroutine() { return nullptr; }
  // The class of an instance of a class a scenario defines (with or without
  // a builtin base such as list), else nullptr: such a class may override
  // what a builtin does, so the operations ask before their fast paths.
  virtual Type* user_class() const { return nullptr; }

  // CPython's tp_finalize (PEP 442): what an object does as it becomes
  // garbage (a coroutine warns it was never awaited, a future logs an
  // exception nobody retrieved). It runs once, while everything the object
  // refers to is still alive: when the last reference goes, or for what
  // cycles keep alive, in Heap::finalize_garbage before anything is freed.
  // A destructor must never read another object: at the end of a run the
  // heap frees what is left in any order.
  virtual void finalize() {}

  // A stable fake address: deterministic across runs, unlike CPython's.
  std::uint64_t address() const { return kFirstAddress + std::uint64_t{serial()} * kAddressStride; }
  std::string address_text() const;

  static void* operator new(std::size_t size) { return pool::allocate_object(size); }
  static void operator delete(void* p, std::size_t size) noexcept { pool::deallocate_object(p, size); }

  void incref() const { ++refcount_; }
  void decref() const;

 private:
  friend class Heap;

  std::uint32_t serial() const { return serial_ & ~kFinalized; }
  // Runs finalize() unless it ran already; false when the object is still
  // referenced after it (the finalizer resurrected it).
  bool run_finalizer() const;

  mutable std::uint32_t refcount_ = 0;
  // Creation order within the heap, and the bit that says finalize() ran;
  // with the refcount it fills one word.
  mutable std::uint32_t serial_;
  static constexpr std::uint32_t kFinalized = 0x80000000u;
  static constexpr std::uint64_t kFirstAddress = 0x7f3a2c000000;
  static constexpr std::uint64_t kAddressStride = 0x60;
};

// Owns every object of one model run: destroying the heap frees the cycles
// refcounting left behind, found through the object pool. Runs are sequential
// and never nested, so every live pooled object belongs to the current heap.
class Heap {
 public:
  Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  static Heap& current();
  std::size_t live_objects() const { return live_; }

  // The collection at interpreter shutdown: every object still alive is
  // garbage now; their finalizers run in creation order (the order of the
  // collector's lists), each while all the others are still intact.
  void finalize_garbage();

  // While one lives, new objects take their fake addresses from a range of
  // their own: what a module's set-up makes (its functions and classes) then
  // leaves the addresses of the program's objects alone, so a module that
  // grows a function does not move every address a program prints.
  class LibraryScope {
   public:
    LibraryScope() : heap_(Heap::current()), outer_(std::exchange(heap_.library_, true)) {}
    LibraryScope(const LibraryScope&) = delete;
    LibraryScope& operator=(const LibraryScope&) = delete;
    ~LibraryScope() { heap_.library_ = outer_; }

   private:
    Heap& heap_;
    bool outer_;
  };

 private:
  friend class Object;
  void link(Object* o);
  void unlink(Object* o);

  std::size_t live_ = 0;
  std::uint32_t next_serial_ = 0;
  std::uint32_t next_library_serial_ = 0x40000000;
  bool library_ = false;
};

// An owning reference, Py_INCREF on copy and Py_DECREF on release.
template <class T>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  explicit Ref(T* p) : p_(p) {
    if (p_) p_->incref();
  }
  Ref(const Ref& o) : Ref(o.p_) {}
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
    requires std::is_convertible_v<U*, T*>
  Ref(const Ref<U>& o) : Ref(static_cast<T*>(o.get())) {}
  template <class U>
    requires std::is_convertible_v<U*, T*>
  Ref(Ref<U>&& o) noexcept : p_(o.release()) {}
  ~Ref() {
    if (p_ && !detail::tearing_down) p_->decref();
  }
  Ref& operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  T* release() { return std::exchange(p_, nullptr); }
  void reset() { Ref().swap(*this); }
  void swap(Ref& o) noexcept { std::swap(p_, o.p_); }

  friend bool operator==(const Ref& a, const Ref& b) { return a.p_ == b.p_; }

 private:
  T* p_ = nullptr;
};

template <class T, class... Args>
Ref<T> make(Args&&... args) {
  return Ref<T>(new T(std::forward<Args>(args)...));
}

// dynamic_cast<T*>(o) for model objects, remembered per dynamic type. The
// interpreter and the loop ask "is this a Future / a Callable / a Type?" on
// every call and every step; libstdc++'s dynamic_cast walks the class
// hierarchy and compares type names each time, which was a sixth of the
// instructions of the 100 000-task benchmark. The answer (null, or the offset
// of the T subobject) depends only on the dynamic type, so a few entries per
// T, keyed by typeid, answer nearly every cast after the first.
template <class T>
T* downcast(Object* o) {
  if (!o) return nullptr;
  struct Entry {
    const std::type_info* type = nullptr;
    std::ptrdiff_t offset = 0;
    bool is_t = false;
  };
  static thread_local std::array<Entry, 4> cache;
  static thread_local std::size_t next = 0;
  const std::type_info* type = &typeid(*o);
  for (const Entry& e : cache)
    if (e.type == type) return e.is_t ? reinterpret_cast<T*>(reinterpret_cast<char*>(o) + e.offset) : nullptr;
  T* t = dynamic_cast<T*>(o);
  cache[next] = Entry{type, t ? reinterpret_cast<char*>(t) - reinterpret_cast<char*>(o) : 0, t != nullptr};
  next = (next + 1) % cache.size();
  return t;
}

// A static_cast between references, for when the type was checked already.
template <class T, class U>
Ref<T> ref_cast(const Ref<U>& r) {
  return Ref<T>(static_cast<T*>(r.get()));
}

}  // namespace asim::runtime
