#include "model/runtime/instance.hpp"

#include <fmt/format.h>

#include "model/runtime/derived.hpp"

namespace asim::runtime {

// object.__repr__: <__main__.Point object at 0x...>
std::string Instance::repr() const {
  return fmt::format("<{} object at {}>", cls->qualified_name(), address_text());
}

std::optional<Value> Instance::get_attribute(std::string_view name) {
  if (!many_.empty()) {
    if (auto it = many_.find(std::string(name)); it != many_.end()) return it->second;
    return std::nullopt;
  }
  for (const auto& [key, value] : few_)
    if (key == name) return value;
  return std::nullopt;
}

bool Instance::set_attribute(std::string_view name, const Value& value) {
  // A plain object() has no __dict__; instances of classes a scenario defines do.
  if (!has_room_for(*cls, name)) return false;
  if (!many_.empty()) {
    many_[std::string(name)] = value;
    return true;
  }
  for (auto& [key, held] : few_)
    if (key == name) {
      held = value;
      return true;
    }
  if (few_.size() < kFew) {
    few_.emplace_back(std::string(name), value);
    return true;
  }
  for (auto& [key, held] : few_) many_.emplace(std::move(key), std::move(held));
  few_.clear();
  many_[std::string(name)] = value;
  return true;
}

bool Instance::del_attribute(std::string_view name) {
  if (!many_.empty()) return many_.erase(std::string(name)) > 0;
  for (auto it = few_.begin(); it != few_.end(); ++it)
    if (it->first == name) {
      // The value goes after the entry: dropping it may run code that
      // touches this instance.
      Value gone = std::move(it->second);
      few_.erase(it);
      return true;
    }
  return false;
}

}  // namespace asim::runtime
