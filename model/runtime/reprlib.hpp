// reprlib.repr with the module's default limits (Lib/reprlib.py, aRepr):
// asyncio shows a callback's arguments through it, so a handle's repr
// shortens a long string or list the way CPython's does.
#pragma once

#include <string>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// reprlib.repr(x): Repr().repr(x) with maxlevel 6, six items of a list,
// tuple, set or deque, four of a dict, 30 characters of a str or of any
// other object's repr, 40 digits of an int.
std::string reprlib_repr(const Value& x);

}  // namespace asim::runtime
