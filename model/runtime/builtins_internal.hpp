// Internal to model/runtime: the parts of the builtins module, one file
// each (builtins.cpp assembles them).
#pragma once

#include <span>
#include <string>

#include "model/runtime/callable.hpp"
#include "model/runtime/module.hpp"

namespace asim::runtime {

void add_iteration_builtins(Module& m);  // builtins_iter.cpp
void add_numeric_builtins(Module& m);    // builtins_numeric.cpp

template <class F>
void add_function(Module& m, const std::string& name, F&& body) {
  m.dict[name] = Value(builtin_function(name, std::forward<F>(body)));
}

}  // namespace asim::runtime
