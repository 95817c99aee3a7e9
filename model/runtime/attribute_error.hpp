// The AttributeError of a failed attribute lookup (PyObject_GenericGetAttr's
// message), for code outside ops_attr.cpp that answers a lookup itself.
#pragma once

#include <string_view>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// CPython's AttributeError for `obj.name`, with the `name` and `obj`
// attributes 3.12's "Did you mean" reads. `setting`: the object has no
// __dict__ to take a new attribute.
[[noreturn]] void no_attribute(const Value& obj, std::string_view name, bool setting = false);

}  // namespace asim::runtime
