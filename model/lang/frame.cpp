#include "model/lang/frame.hpp"

#include <new>

#include "model/runtime/pool.hpp"

namespace asim::lang {

Frame::Frame(const CodeObject* code, runtime::Module* globals, runtime::Module* builtins, const runtime::Value& unbound)
    : code(code), size(code->frame_size()), globals(globals), builtins(builtins) {
  slots = static_cast<runtime::Value*>(runtime::pool::allocate(sizeof(runtime::Value) * static_cast<std::size_t>(size)));
  const int fixed = code->nlocals() + code->ncells();
  for (int i = 0; i < fixed; ++i) new (slots + i) runtime::Value(unbound);
  for (int i = fixed; i < size; ++i) new (slots + i) runtime::Value();
  sp = slots + fixed;
}

Frame::Frame(const CodeObject* code, runtime::Module* globals, runtime::Module* builtins, const runtime::Value& unbound,
             std::span<const runtime::Value> args)
    : code(code), size(code->frame_size()), globals(globals), builtins(builtins) {
  slots = static_cast<runtime::Value*>(runtime::pool::allocate(sizeof(runtime::Value) * static_cast<std::size_t>(size)));
  const int n = static_cast<int>(args.size());
  const int fixed = code->nlocals() + code->ncells();
  for (int i = 0; i < n; ++i) new (slots + i) runtime::Value(args[static_cast<std::size_t>(i)]);
  for (int i = n; i < fixed; ++i) new (slots + i) runtime::Value(unbound);
  for (int i = fixed; i < size; ++i) new (slots + i) runtime::Value();
  sp = slots + fixed;
}

Frame::Frame(Frame&& other) noexcept
    : code(other.code),
      size(other.size),
      globals(other.globals),
      builtins(other.builtins),
      ns(other.ns),
      slots(std::exchange(other.slots, nullptr)),
      sp(other.sp),
      pc(other.pc),
      started(other.started),
      yielded(other.yielded),
      delegate(std::move(other.delegate)),
      awaited(std::move(other.awaited)) {}

Frame::~Frame() {
  if (!slots) return;
  for (int i = 0; i < size; ++i) slots[i].~Value();
  runtime::pool::deallocate(slots, sizeof(runtime::Value) * static_cast<std::size_t>(size));
}

void Frame::clear() {
  if (!slots) return;  // moved from
  for (int i = 0; i < size; ++i) slots[i] = runtime::Value();
  sp = stack_base();
  delegate.reset();
  awaited = runtime::Value();
}

}  // namespace asim::lang
