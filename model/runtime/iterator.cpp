#include "model/runtime/iterator.hpp"

#include <fmt/format.h>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

std::string List::repr() const {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + runtime::repr(items[i]);
  return out + "]";
}

std::string Tuple::repr() const {
  std::string out = "(";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + runtime::repr(items[i]);
  return out + (items.size() == 1 ? ",)" : ")");
}

std::string Set::repr() const {
  if (items.empty()) return "set()";
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + runtime::repr(items[i]);
  return out + "}";
}

bool Set::contains(const Value& v) const {
  for (const auto& item : items)
    if (item.is(v)) return true;
  return false;
}

std::vector<Value> to_vector(const Value& iterable) {
  if (auto* list = iterable.as<List>()) return list->items;
  if (auto* tuple = iterable.as<Tuple>()) return tuple->items;
  if (auto* set = iterable.as<Set>()) return set->items;
  if (auto* it = dynamic_cast<Iterator*>(iterable.object())) {
    std::vector<Value> out;
    while (auto v = it->next()) out.push_back(std::move(*v));
    return out;
  }
  raise(Runtime::current().builtins.TypeError, fmt::format("'{}' object is not iterable", type_name(iterable)));
}

}  // namespace asim::runtime
