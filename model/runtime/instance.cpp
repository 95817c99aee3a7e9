#include "model/runtime/instance.hpp"

#include <fmt/format.h>

#include "model/runtime/derived.hpp"

namespace asim::runtime {

// object.__repr__: <__main__.Point object at 0x...>
std::string Instance::repr() const {
  return fmt::format("<{} object at {}>", cls->qualified_name(), address_text());
}

std::optional<Value> Instance::get_attribute(std::string_view name) {
  // Most instances hold a few attributes: comparing the names is cheaper
  // than making a std::string of the name and hashing it.
  if (dict.size() <= 8) {
    for (const auto& [key, value] : dict)
      if (key == name) return value;
    return std::nullopt;
  }
  if (auto it = dict.find(std::string(name)); it != dict.end()) return it->second;
  return std::nullopt;
}

bool Instance::set_attribute(std::string_view name, const Value& value) {
  // A plain object() has no __dict__; instances of classes a scenario defines do.
  if (!has_room_for(*cls, name)) return false;
  dict[std::string(name)] = value;
  return true;
}

bool Instance::del_attribute(std::string_view name) {
  return dict.erase(std::string(name)) > 0;
}

}  // namespace asim::runtime
