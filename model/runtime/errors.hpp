// Shorthands for raising the builtin exceptions of the current Runtime, for
// the builtin types' code: `throw_type_error("...")` reads like CPython's
// PyErr_SetString(PyExc_TypeError, "...").
#pragma once

#include <string>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

[[noreturn]] inline void throw_type_error(std::string m) { raise(Runtime::current().builtins.TypeError, std::move(m)); }
[[noreturn]] inline void throw_value_error(std::string m) { raise(Runtime::current().builtins.ValueError, std::move(m)); }
[[noreturn]] inline void throw_index_error(std::string m) { raise(Runtime::current().builtins.IndexError, std::move(m)); }
[[noreturn]] inline void throw_attribute_error(std::string m) {
  raise(Runtime::current().builtins.AttributeError, std::move(m));
}
[[noreturn]] inline void throw_runtime_error(std::string m) {
  raise(Runtime::current().builtins.RuntimeError, std::move(m));
}
[[noreturn]] inline void throw_zero_division(std::string m) {
  raise(Runtime::current().builtins.ZeroDivisionError, std::move(m));
}
[[noreturn]] inline void throw_overflow_error(std::string m) {
  raise(Runtime::current().builtins.OverflowError, std::move(m));
}
// KeyError(key): the key itself is the argument, so str() shows its repr.
[[noreturn]] void throw_key_error(const Value& key);

}  // namespace asim::runtime
