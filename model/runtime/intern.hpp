// Attribute names kept once each for the process (CPython's interned
// strings): two interned names are the same name exactly when they are the
// same pointer, so an instance's attribute is found by comparing pointers.
#pragma once

#include <string>
#include <string_view>

namespace asim::runtime {

const std::string* intern_name(std::string_view name);

}  // namespace asim::runtime
