// The AttributeError of a failed attribute lookup (PyObject_GenericGetAttr's
// message) and the class name such messages print, for code outside
// ops_attr.cpp.
#pragma once

#include <string>
#include <string_view>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// The class name CPython's C code prints (tp_name): for classes of C
// accelerator modules (named with a leading underscore, like _asyncio) it
// includes the module, "_asyncio.Task"; otherwise it is the bare name.
std::string tp_name(const Value& obj);

// CPython's AttributeError for `obj.name`, with the `name` and `obj`
// attributes 3.12's "Did you mean" reads. `setting`: the object has no
// __dict__ to take a new attribute.
[[noreturn]] void no_attribute(const Value& obj, std::string_view name, bool setting = false);

}  // namespace asim::runtime
