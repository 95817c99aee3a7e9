#include "model/runtime/coroutine.hpp"

#include <fmt/format.h>

#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

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

void Coroutine::warn_if_never_awaited() const {
  if (state_ == State::Created)
    Runtime::current().warn_unraisable(fmt::format("RuntimeWarning: coroutine '{}' was never awaited", qualname), *this);
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
