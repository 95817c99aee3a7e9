// Where asim's builtin classes lack an attribute CPython's have
// (builtin_attributes.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/super_type.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

namespace {

bool cpython_defines(std::string_view cls, std::string_view name) {
  const auto key = std::pair(cls, name);
  auto it = std::lower_bound(kBuiltinAttributes.begin(), kBuiltinAttributes.end(), key,
                             [](const BuiltinAttribute& row, const auto& k) {
                               return std::pair(row.cls, row.name) < k;
                             });
  return it != kBuiltinAttributes.end() && it->cls == cls && it->name == name &&
         (it->versions & Runtime::current().features.version_bit);
}

bool defines(const Type* t, std::string_view name) {
  return t->module == "builtins" && cpython_defines(t->name, name);
}

// super_getattro's walk: type(obj)'s MRO after thisclass.
const Type* owner_after(const Super& s, std::string_view name) {
  bool past = s.obj_type.get() == s.thisclass.get();
  for (const Type* t : s.obj_type->ancestors()) {
    if (past && defines(t, name)) return t;
    past = past || t == s.thisclass.get();
  }
  return nullptr;
}

}  // namespace

const Type* cpython_attribute_owner(const Type& cls, std::string_view name) {
  if (defines(&cls, name)) return &cls;
  for (const Type* t : cls.ancestors())
    if (defines(t, name)) return t;
  return nullptr;
}

void remove_attributes_of_other_versions(Runtime& rt) {
  const std::uint8_t bit = rt.features.version_bit;
  for (const BuiltinAttribute& row : kBuiltinAttributes) {
    if (row.versions & bit) continue;
    const auto type = rt.named_types.find(std::string(row.cls));
    if (type == rt.named_types.end() || type->second->module != "builtins") continue;
    if (!cpython_attribute_owner(*type->second, row.name)) type->second->remove_attribute(row.name);
  }
}

void stop_if_cpython_has(const Value& obj, std::string_view name) {
  const Type* owner = nullptr;
  if (auto* s = obj.as<Super>()) {
    if (s->obj_type) owner = owner_after(*s, name);
  } else {
    if (auto* t = obj.as<Type>()) owner = cpython_attribute_owner(*t, name);
    if (!owner) owner = cpython_attribute_owner(*type_of(obj), name);
  }
  if (owner)
    not_modelled(fmt::format("the attribute '{}' of '{}'", name, owner->name),
                 "asim's builtin class lacks it; CPython's has it");
  const Type* cls = obj.as<Type>() ? obj.as<Type>() : type_of(obj).get();
  if (const Type* dataclass = dataclass_attribute_owner(*cls, name))
    not_modelled(fmt::format("the attribute '{}' of the dataclass '{}'", name, dataclass->name),
                 "asim keeps a dataclass's fields in a record of its own");
}

}  // namespace asim::runtime
