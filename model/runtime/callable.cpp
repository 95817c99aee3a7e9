#include "model/runtime/callable.hpp"

#include <fmt/format.h>

namespace asim::runtime {

std::string NativeFunction::repr() const {
  if (bound_self_)
    return fmt::format("<bound method {} of {}>", qualname_, bound_self_->repr());
  return fmt::format("<function {} at {}>", qualname_, address_text());
}

bool NativeFunction::equals(const Callable& other) const {
  if (this == &other) return true;
  auto* o = dynamic_cast<const NativeFunction*>(&other);
  return o && bound_self_ && o->bound_self_ == bound_self_ && o->qualname_ == qualname_;
}

}  // namespace asim::runtime
