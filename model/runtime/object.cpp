#include "model/runtime/object.hpp"

#include <fmt/format.h>

#include <stdexcept>

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
  if (--refcount_ == 0) delete this;
}

Heap::Heap() : previous_(current_heap) {
  current_heap = this;
}

Heap::~Heap() {
  // Cycles survive refcounting; free them all at once. While tearing down,
  // releasing a reference frees nothing, so objects may point at each other.
  const bool outer = detail::tearing_down;
  detail::tearing_down = true;
  while (head_) delete head_;
  detail::tearing_down = outer;
  current_heap = previous_;
}

Heap& Heap::current() {
  if (!current_heap) throw std::logic_error("asim: model object created outside a runtime::Heap");
  return *current_heap;
}

void Heap::link(Object* o) {
  o->serial_ = next_serial_++;
  o->heap_next_ = head_;
  if (head_) head_->heap_prev_ = o;
  head_ = o;
  ++live_;
}

void Heap::unlink(Object* o) {
  if (o->heap_prev_) o->heap_prev_->heap_next_ = o->heap_next_;
  else head_ = o->heap_next_;
  if (o->heap_next_) o->heap_next_->heap_prev_ = o->heap_prev_;
  --live_;
}

}  // namespace asim::runtime
