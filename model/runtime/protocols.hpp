// The hook by which a C++ object class tells the generic operations (ops.hpp)
// more than its C++ type says: attributes it keeps itself. (Its Python class,
// when that varies per instance, is Object::user_class.)
#pragma once

#include <optional>
#include <string_view>

#include "model/runtime/type.hpp"

namespace asim::runtime {

// Objects with attributes of their own (a __dict__, or computed ones) that
// attribute access consults before their class, as PyObject_GenericGetAttr
// consults the instance dict.
class HasAttributes {
 public:
  virtual ~HasAttributes() = default;
  virtual std::optional<Value> get_attribute(std::string_view name) = 0;
  // false when the object keeps no such attribute: the class is tried next,
  // then AttributeError.
  virtual bool set_attribute(std::string_view name, const Value& value) = 0;
  virtual bool del_attribute(std::string_view) { return false; }
};

}  // namespace asim::runtime
