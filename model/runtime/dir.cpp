// dir(obj) (bltinmodule.c's builtin_dir, object.__dir__, type.__dir__): the
// sorted names of obj's __dict__ and of the __dict__ of every class along
// its MRO. asim's class namespaces hold what a class body binds; the names
// CPython's type_new adds besides (__dict__, __weakref__, __doc__, ...) are
// added here, and the builtin classes' from the generated table
// (builtin_attributes.cpp). A class whose namespace asim cannot vouch for
// (made by library code, or a builtin outside the table) stops the run.
#include "model/runtime/dir.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>

#include <fmt/format.h>

#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/mangle.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

namespace {

using Names = std::set<std::string>;

[[noreturn]] void cannot_list(const Type& t) {
  not_modelled(fmt::format("dir() of class '{}'", t.name), "asim cannot list the attributes of that class");
}

bool running(std::uint8_t versions) { return versions & Runtime::current().features.version_bit; }

// type_new's additions to every class statement's namespace, by version.
struct AddedName {
  const char* name;
  std::uint8_t versions;  // bit k: CPython 3.(7+k)
};
constexpr AddedName kClassStatementNames[] = {
    {"__module__", 0x7f},
    {"__doc__", 0x7f},
    {"__firstlineno__", 0x40},
    {"__static_attributes__", 0x40},
};

// The builtin classes whose instances and subclasses dir() lists, and
// whether a subclass of them gets a __weakref__ of its own (not when the
// base has weak references already, nor for variable-size objects).
struct Listable {
  std::string_view name;
  bool subclass_adds_weakref;
};
constexpr Listable kListable[] = {
    {"object", true}, {"int", false},  {"bool", false},  {"float", true},     {"str", true},       {"bytes", false},
    {"list", true},   {"tuple", false}, {"dict", true},  {"set", false},      {"frozenset", false}, {"NoneType", false},
    {"range", false},
};

bool is_exception_class(const Type& t) { return t.is_subclass_of(Runtime::current().builtins.BaseException.get()); }

const Listable* listable(const Type& t) {
  if (t.module != "builtins") return nullptr;
  for (const auto& l : kListable)
    if (l.name == t.name) return &l;
  return nullptr;
}

bool is_builtin_listable(const Type& t) {
  return t.module == "builtins" && (listable(t) || is_exception_class(t));
}

bool table_has(const Type& t, std::string_view name) {
  for (const auto& row : kBuiltinAttributes)
    if (row.cls == t.name && row.name == name) return running(row.versions);
  return false;
}

bool statement_class(const Type& t) {
  return t.module == "__main__" && (!t.metaclass || t.metaclass->module == "__main__");
}

// dataclasses_module.cpp keeps the fields' order where CPython's
// @dataclass keeps its two records of the class.
constexpr std::string_view kDataclassOrder = "__dataclass_fields_order__";
constexpr AddedName kDataclassNames[] = {
    {"__dataclass_fields__", 0x7f},
    {"__dataclass_params__", 0x7f},
    {"__replace__", 0x40},
};

}  // namespace

const Type* dataclass_attribute_owner(const Type& cls, std::string_view name) {
  const bool added = std::any_of(std::begin(kDataclassNames), std::end(kDataclassNames),
                                 [&](const AddedName& a) { return a.name == name && running(a.versions); });
  if (!added) return nullptr;
  if (cls.dict.count(std::string(kDataclassOrder))) return &cls;
  for (const Type* t : cls.ancestors())
    if (t->dict.count(std::string(kDataclassOrder))) return t;
  return nullptr;
}

namespace {

std::vector<std::string> slot_names(const Type& t) {
  std::vector<std::string> out;
  auto slots = t.dict.find("__slots__");
  if (slots == t.dict.end()) return out;
  if (auto* s = slots->second.as<Str>()) {
    out.push_back(mangle(t.name, s->text));
    return out;
  }
  for (const auto& v : to_vector(slots->second))
    if (auto* s = v.as<Str>()) out.push_back(mangle(t.name, s->text));
  return out;
}

// Whether instances of t have a __dict__, its own or a base's; whether a
// subclass of t gets no __weakref__ of its own (t's instances have weak
// references already, or are of variable size).
bool has_dict(const Type& t);
bool weakref_taken(const Type& t);

bool slots_allow(const Type& t, const char* name) {
  if (!t.dict.count("__slots__")) return true;
  const auto names = slot_names(t);
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool any_base(const Type& t, bool (*has)(const Type&)) {
  return std::any_of(t.bases.begin(), t.bases.end(), [&](const Ref<Type>& b) { return has(*b); });
}

bool adds_dict(const Type& t) { return slots_allow(t, "__dict__") && !any_base(t, has_dict); }

bool adds_weakref(const Type& t) { return slots_allow(t, "__weakref__") && !any_base(t, weakref_taken); }

bool has_dict(const Type& t) {
  if (t.module == "builtins") return table_has(t, "__dict__") || any_base(t, has_dict);
  return adds_dict(t) || any_base(t, has_dict);
}

bool weakref_taken(const Type& t) {
  if (t.module == "builtins") {
    const Listable* l = listable(t);
    return l && !l->subclass_adds_weakref;
  }
  return adds_weakref(t) || any_base(t, weakref_taken);
}

// The keys of CPython's t.__dict__.
void add_class_names(const Type& t, Names& out) {
  if (t.module == "builtins") {
    if (!is_builtin_listable(t)) cannot_list(t);
    for (const auto& row : kBuiltinAttributes)
      if (row.cls == t.name && running(row.versions)) out.emplace(row.name);
    return;
  }
  if (!statement_class(t)) cannot_list(t);
  for (const auto& [name, value] : t.dict) {
    if (name != kDataclassOrder) out.insert(name);
    else
      for (const auto& added : kDataclassNames)
        if (running(added.versions)) out.insert(added.name);
  }
  for (const auto& added : kClassStatementNames)
    if (running(added.versions)) out.insert(added.name);
  for (const auto& s : slot_names(t)) out.insert(s);
  if (adds_dict(t)) out.insert("__dict__");
  if (adds_weakref(t)) out.insert("__weakref__");
  // type_new's "__eq__ without __hash__ makes instances unhashable".
  if (t.dict.count("__eq__") && !t.dict.count("__hash__")) out.insert("__hash__");
}

// type.__dir__: the class's names and its bases'.
void add_type_names(const Type& t, Names& out) {
  add_class_names(t, out);
  for (const Type* a : t.ancestors()) add_class_names(*a, out);
}

Value sorted_list(const Names& names) {
  std::vector<Value> items;
  items.reserve(names.size());
  for (const auto& n : names) items.push_back(Value::str(n));
  return make_list(std::move(items));
}

}  // namespace

Value dir_of(const Value& obj) {
  const Ref<Type> cls = type_of(obj);
  if (auto own = cls->lookup_override("__dir__")) {
    const Value arg[1] = {obj};
    std::vector<Value> items = to_vector(call(*own, arg));
    stable_sort(items, Value::none(), false);
    return make_list(std::move(items));
  }
  Names names;
  if (auto* t = obj.as<Type>()) {
    add_type_names(*t, names);
    return sorted_list(names);
  }
  if (obj.as<PyException>() || obj.as<Module>()) cannot_list(*cls);
  add_type_names(*cls, names);
  // object.__dir__: the instance's own __dict__ first joins in.
  if (has_dict(*cls))
    if (auto d = getattr_opt(obj, "__dict__"))
      for (const auto& k : to_vector(*d))
        if (auto* s = k.as<Str>()) names.insert(s->text);
  return sorted_list(names);
}

}  // namespace asim::runtime
