#include "model/runtime/coroutine.hpp"

#include <fmt/format.h>

#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

Coroutine::Coroutine(std::string_view qualname)
    : qualname(qualname), origin_tracked_(Runtime::current().coroutine_origin_tracking_depth > 0) {}

std::string_view Coroutine::state_name() const {
  switch (state_) {
    case State::Created: return "CORO_CREATED";
    case State::Running: return "CORO_RUNNING";
    case State::Suspended: return "CORO_SUSPENDED";
    case State::Closed: return "CORO_CLOSED";
  }
  return "?";
}

std::string Coroutine::repr() const {
  return fmt::format("<{} object {} at {}>", type_name(), qualname, address_text());
}

// _PyErr_WarnUnawaitedCoroutine. With an origin, CPython's warning lists
// the frames that made the coroutine, asyncio's own files among them.
void Coroutine::warn_if_never_awaited() const {
  if (state_ != State::Created) return;
  auto& rt = Runtime::current();
  if (origin_tracked_)
    rt.unmodelled_at_exit(fmt::format(
        "{}: not supported by asim: the RuntimeWarning for coroutine '{}' never awaited in asyncio's debug mode "
        "(it lists where the coroutine was made, through CPython's own files; asim printed it without)",
        rt.current_location ? rt.current_location() : "asim", qualname));
  rt.warn_unraisable(fmt::format("RuntimeWarning: coroutine '{}' was never awaited", qualname), *this);
}

Ref<Coroutine> get_awaitable_iter(const Value& obj) {
  if (auto* a = obj.as<Awaitable>()) return a->await_iter();
  // A builtin class whose __await__ is a method of its own (3.7-3.8's locks).
  if (obj.is_object() && !obj.object()->user_class() && !obj.as<Type>())
    if (auto method = type_of(obj)->lookup_class("__await__"); method && method->as<Callable>()) {
      Value it = call(*method, std::span<const Value>(&obj, 1));
      if (auto* c = it.as<Coroutine>()) return Ref<Coroutine>(c);
      raise(Runtime::current().builtins.TypeError,
            fmt::format("__await__() returned non-iterator of type '{}'", type_name(it)));
    }
  raise(Runtime::current().builtins.TypeError,
        fmt::format("object {} can't be used in 'await' expression", type_name(obj)));
}

}  // namespace asim::runtime
