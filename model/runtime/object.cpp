#include "model/runtime/object.hpp"

#include "model/runtime/runtime.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace asim::runtime {

namespace {
Heap* current_heap = nullptr;

// Heap::finalize_garbage's collection. The objects alive when it began (its
// snapshot: serials below the two marks) count as finalized from then on,
// without a bit written into each: a forked `asim explore` run would copy
// every page of the heap to write them. While `holding`, those from
// serial `from` on are held as an extra reference would hold them: one that
// loses its last reference stays until the collection reaches it.
struct Collection {
  bool done = false;
  bool holding = false;
  std::uint32_t program_end = 0, library_end = 0, from = 0;

  bool in_snapshot(std::uint32_t serial) const {
    return done && (serial < program_end || (serial >= kLibrarySerials && serial < library_end));
  }
  bool holds(std::uint32_t serial) const { return holding && serial >= from && in_snapshot(serial); }

  static constexpr std::uint32_t kLibrarySerials = 0x40000000;
};
Collection collection;

// finalize() as CPython's finalizers run: an exception is ignored.
void finalize_ignoring_errors(Object& o) {
  try {
    o.finalize();
  } catch (const std::runtime_error& stop) {
    // A stop of the model (asyncio::ModelStop, a limit) cannot leave a
    // destructor: reference counting, which the stop ended, goes on, and
    // the run ends with the stop's report once the program has finished.
    detail::tearing_down = false;
    Runtime::current().unmodelled_at_exit(stop.what());
  } catch (...) {
    // A finalizer's error is CPython's "Exception ignored in": it stops nothing.
    detail::tearing_down = false;
  }
}
}  // namespace

Object::Object() {
  Heap::current().link(this);
}

Object::~Object() {
  current_heap->unlink(this);
}

std::string Object::repr() const {
  return fmt::format("<{} object at {}>", type_name(), address_text());
}

std::string Object::address_text() const {
  return fmt::format("{:#x}", address());
}

void Object::decref() const {
  if (detail::tearing_down) return;
  if (--refcount_ == 0 && !collection.holds(serial()) && run_finalizer()) delete this;
}

bool Object::run_finalizer() const {
  if ((serial_ & kFinalized) || collection.in_snapshot(serial())) return true;
  serial_ |= kFinalized;
  ++refcount_;  // held while it runs: a reference made and dropped inside frees nothing
  finalize_ignoring_errors(*const_cast<Object*>(this));
  return --refcount_ == 0;
}

Heap::Heap() {
  if (current_heap) throw std::logic_error("asim: runtime::Heap instances cannot be nested");
  current_heap = this;
  collection = {};
}

Heap::~Heap() {
  // Cycles survive refcounting; free them all at once. While tearing down,
  // releasing a reference frees nothing, so objects may point at each other.
  detail::tearing_down = true;
  std::vector<Object*> live;
  live.reserve(live_);
  pool::for_each_live_object([&](void* block) { live.push_back(static_cast<Object*>(block)); });
  for (Object* o : live) delete o;
  detail::tearing_down = false;
  current_heap = nullptr;
  collection = {};
}

void Heap::finalize_garbage() {
  // Sorted as (serial, object) pairs (serials are unique): the comparisons
  // read the vector, not every object again.
  std::vector<std::pair<std::uint32_t, Object*>> live;
  live.reserve(live_);
  pool::for_each_live_object([&](void* block) {
    auto* o = static_cast<Object*>(block);
    live.emplace_back(o->serial(), o);
  });
  std::sort(live.begin(), live.end());
  // Each is held until every finalizer has run: one finalizer dropping a
  // reference must not free an object another is about to read. Then each
  // is let go in creation order, freed if nothing refers to it any more.
  const Collection before = collection;
  collection = {true, true, next_serial_, next_library_serial_, 0};
  for (const auto& [serial, o] : live)
    if (!(o->serial_ & Object::kFinalized) && !before.in_snapshot(serial)) finalize_ignoring_errors(*o);
  for (const auto& [serial, o] : live) {
    collection.from = serial + 1;
    if (o->refcount_ == 0 && !detail::tearing_down) delete o;
  }
  collection.holding = false;
}

Heap& Heap::current() {
  if (!current_heap) throw std::logic_error("asim: model object created outside a runtime::Heap");
  return *current_heap;
}

void Heap::link(Object* o) {
  o->serial_ = library_ ? next_library_serial_++ : next_serial_++;
  ++live_;
}

void Heap::unlink(Object*) {
  --live_;
}

}  // namespace asim::runtime
