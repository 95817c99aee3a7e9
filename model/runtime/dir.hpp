// dir(obj) (dir.cpp).
#pragma once

#include "model/runtime/value.hpp"

namespace asim::runtime {

// The sorted list dir(obj) returns; stops the run for an object whose
// attributes asim cannot list as CPython would.
Value dir_of(const Value& obj);

}  // namespace asim::runtime
