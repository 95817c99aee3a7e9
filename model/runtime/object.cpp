#include "model/runtime/object.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace asim::runtime {

namespace {
Heap* current_heap = nullptr;
}

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
  if (--refcount_ == 0 && run_finalizer()) delete this;
}

bool Object::run_finalizer() const {
  if (serial_ & kFinalized) return true;
  serial_ |= kFinalized;
  ++refcount_;  // held while it runs: a reference made and dropped inside frees nothing
  try {
    const_cast<Object*>(this)->finalize();
  } catch (...) {
    // A finalizer's error is CPython's "Exception ignored in": it stops nothing.
    // Nor does a stop of the model made inside one (it cannot leave a
    // destructor): reference counting, which the stop ended, goes on.
    detail::tearing_down = false;
  }
  return --refcount_ == 0;
}

Heap::Heap() {
  if (current_heap) throw std::logic_error("asim: runtime::Heap instances cannot be nested");
  current_heap = this;
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
  // reference must not free an object another is about to read.
  for (const auto& [serial, o] : live) o->incref();
  for (const auto& [serial, o] : live) o->run_finalizer();
  for (const auto& [serial, o] : live) o->decref();
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
