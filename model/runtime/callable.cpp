#include "model/runtime/callable.hpp"

#include <fmt/format.h>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

std::string NativeFunction::repr() const {
  if (bound_self_)
    return fmt::format("<bound method {} of {}>", qualname_, bound_self_->repr());
  return fmt::format("<function {} at {}>", qualname_, address_text());
}

std::string BuiltinFunction::repr() const {
  if (owner.empty()) return fmt::format("<built-in function {}>", name);
  return fmt::format("<method '{}' of '{}' objects>", name, owner);
}

Value Callable::call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) {
  if (!kwargs.empty())
    raise(Runtime::current().builtins.TypeError,
          fmt::format("{}() got an unexpected keyword argument '{}'", qualname(), kwargs.front().name));
  return call(args);
}

bool NativeFunction::equals(const Callable& other) const {
  if (this == &other) return true;
  auto* o = dynamic_cast<const NativeFunction*>(&other);
  return o && bound_self_ && o->bound_self_ == bound_self_ && o->qualname_ == qualname_;
}

}  // namespace asim::runtime
