// "Did you mean" hints of a traceback's last line: the closest name
// (runtime/suggestions.hpp) and the modules a program may forget to import.
#pragma once

#include <string_view>

#include "model/runtime/suggestions.hpp"

namespace asim::lang {

using runtime::calculate_suggestion;

// Whether `name` is a module of CPython's standard library (sys.stdlib_module_names,
// the ones a scenario might forget to import).
bool is_stdlib_module(std::string_view name);

}  // namespace asim::lang
