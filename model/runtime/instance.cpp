#include "model/runtime/instance.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/intern.hpp"
#include "model/runtime/mangle.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

// object.__repr__: <__main__.Point object at 0x...>
std::string Instance::repr() const {
  return fmt::format("<{} object at {}>", cls->qualified_name(), address_text());
}

Instance::Instance(Ref<Type> cls) : cls(std::move(cls)) {}

Instance::~Instance() = default;

void Instance::finalize() {
  call_del(*this, *cls);
}

bool call_del(Object& self, const Type& cls) {
  const std::optional<Value> del = cls.lookup_override("__del__");
  if (!del) return false;
  auto& rt = Runtime::current();
  if (detail::finalizing_at_exit) {
    const Ref<Callable> fn = as_callback(*del);
    const std::string where = fn ? fn->function_source() : "";
    rt.unmodelled_at_exit(fmt::format(
        "{}: not supported by asim: {}.__del__ for an instance still alive when the program ends (CPython calls "
        "it as it clears the modules at shutdown, in an order asim does not model)",
        where.empty() ? "asim" : where, cls.name));
    return true;
  }
  try {
    call(*del, std::array{Value(Ref<Object>(&self))});
  } catch (const PyError& error) {
    if (rt.unraisable_sink) rt.unraisable_sink(error, to_repr(*del));
  }
  return true;
}

// Whether a class of cls's MRO lists `name` in its __slots__ (mangled by
// that class, as type_new does).
bool declared_slot(const Type& cls, std::string_view name) {
  auto listed = [&](const Type* t) {
    auto slots = t->dict.find("__slots__");
    if (slots == t->dict.end()) return false;
    if (auto* s = slots->second.as<Str>()) return mangle(t->name, s->text) == name;
    for (const auto& v : to_vector(slots->second))
      if (auto* s = v.as<Str>(); s && mangle(t->name, s->text) == name) return true;
    return false;
  };
  if (listed(&cls)) return true;
  for (const Type* t : cls.ancestors())
    if (listed(t)) return true;
  return false;
}

Value Instance::dict_object() {
  // CPython keeps a slot's value out of the instance's __dict__; asim
  // keeps all the attributes together.
  auto stop_on_slots = [this](std::string_view name) {
    if (declared_slot(*cls, name))
      not_modelled(fmt::format("the __dict__ of a '{}' object holding the slot '{}'", cls->name, name),
                   "asim keeps slot values with the other attributes");
  };
  for (const auto& [name, _] : many_) stop_on_slots(name);
  for (const auto& [name, _] : few_) stop_on_slots(*name);
  if (!dict_) {
    dict_ = make<Dict>();
    if (!many_.empty()) {
      std::vector<std::pair<std::uint64_t, std::string>> order;
      order.reserve(many_.size());
      for (const auto& [name, entry] : many_) order.emplace_back(entry.first, name);
      std::sort(order.begin(), order.end());
      for (const auto& [_, name] : order) dict_->set(Value::str(name), many_[name].second);
      many_.clear();
    }
    for (auto& [name, value] : few_) dict_->set(Value::str(*name), std::move(value));
    few_.clear();
  }
  return Value(dict_);
}

std::optional<Value> Instance::get_attribute(std::string_view name) {
  if (dict_) {
    if (name == "__dict__") return Value(dict_);
    return dict_->get(Value::str(std::string(name)));
  }
  if (!many_.empty()) {
    if (auto it = many_.find(std::string(name)); it != many_.end()) return it->second.second;
  } else {
    for (const auto& [key, value] : few_)
      if (*key == name) return value;
  }
  // A plain object() has no __dict__.
  if (name == "__dict__" && has_room_for(*cls, "__dict__")) return dict_object();
  return std::nullopt;
}

bool Instance::set_attribute(std::string_view name, const Value& value) {
  // A plain object() has no __dict__; instances of classes a scenario defines do.
  if (!has_room_for(*cls, name)) return false;
  if (name == "__dict__") {
    auto* d = value.as<Dict>();
    if (!d) throw_type_error(fmt::format("__dict__ must be set to a dictionary, not a '{}'", runtime::type_name(value)));
    Ref<Dict> held(d);
    few_.clear();
    many_.clear();
    dict_ = std::move(held);
    return true;
  }
  if (dict_) {
    dict_->set(Value::str(std::string(name)), value);
    return true;
  }
  if (!many_.empty()) {
    auto [it, added] = many_.try_emplace(std::string(name), next_order_, value);
    if (added) ++next_order_;
    else it->second.second = value;
    return true;
  }
  for (auto& [key, held] : few_)
    if (*key == name) {
      held = value;
      return true;
    }
  if (add_inline(intern_name(name), value)) return true;
  next_order_ = 0;
  for (auto& [key, held] : few_) many_.try_emplace(*key, next_order_++, std::move(held));
  few_.clear();
  many_.try_emplace(std::string(name), next_order_++, value);
  return true;
}

bool Instance::del_attribute(std::string_view name) {
  if (dict_) return dict_->erase(Value::str(std::string(name))).has_value();
  if (!many_.empty()) {
    auto it = many_.find(std::string(name));
    if (it == many_.end()) return false;
    // The value goes after the entry: dropping it may run code that
    // touches this instance.
    Value gone = std::move(it->second.second);
    many_.erase(it);
    return true;
  }
  for (auto it = few_.begin(); it != few_.end(); ++it)
    if (*it->first == name) {
      Value gone = std::move(it->second);
      few_.erase(it);
      return true;
    }
  return false;
}

}  // namespace asim::runtime
