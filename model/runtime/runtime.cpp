#include "model/runtime/runtime.hpp"

#include <cstdio>
#include <stdexcept>

namespace asim::runtime {

namespace detail {
Runtime* current_runtime = nullptr;

void no_current_runtime() {
  throw std::logic_error("asim: no runtime::Runtime is active");
}
}  // namespace detail

using detail::current_runtime;

Runtime::Registration::Registration(Runtime* self) : previous(current_runtime) {
  current_runtime = self;
}

Runtime::Registration::~Registration() {
  current_runtime = previous;
}

Runtime::Runtime() : registration_(this), builtins(types.object) {
  install_builtin_types(*this);
  setting_up_.reset();
}

void Runtime::warn(const std::string& message) {
  if (warning_sink) warning_sink(message);
  else std::fprintf(stderr, "%s\n", message.c_str());
}

void Runtime::warn_unraisable(const std::string& message, const Object& source) {
  try {
    warn(message);
  } catch (const PyError& error) {
    if (unraisable_sink) unraisable_sink(error, source.repr());
  }
}

}  // namespace asim::runtime
