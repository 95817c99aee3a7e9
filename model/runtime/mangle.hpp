// _Py_Mangle, which the compiler applies to names in a class body and
// type() to the names a class lists in __slots__.
#pragma once

#include <string>
#include <string_view>

namespace asim::runtime {

// Inside class Class, `__spam` (not `__spam__` nor `___`, nor a dotted name)
// means `_Class__spam`, Class with its leading underscores stripped; a class
// named only of underscores mangles nothing.
inline std::string mangle(std::string_view private_name, std::string_view name) {
  if (private_name.empty() || !name.starts_with("__")) return std::string(name);
  if (name.ends_with("__") || name.find('.') != std::string_view::npos) return std::string(name);
  const std::size_t start = private_name.find_first_not_of('_');
  if (start == std::string_view::npos) return std::string(name);
  std::string out = "_";
  out += private_name.substr(start);
  out += name;
  return out;
}

}  // namespace asim::runtime
