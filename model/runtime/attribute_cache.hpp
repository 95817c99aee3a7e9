// The inline caches of LOAD_ATTR and STORE_ATTR (CPython 3.11's specializing
// interpreter, Python/specialize.c: LOAD_ATTR_INSTANCE_VALUE,
// LOAD_ATTR_METHOD_WITH_VALUES, LOAD_ATTR_CLASS, LOAD_ATTR_MODULE,
// STORE_ATTR_INSTANCE_VALUE). Each instruction keeps one entry: what kind of
// receiver it last saw and where the attribute was found for it. The next
// execution checks that the receiver is of that kind and that no class or
// module namespace changed since (detail::namespaces_version, standing for
// CPython's type version tags and dict keys versions), then reads the
// attribute there without the generic lookup: no MRO walk, no hashing of the
// name, no descriptor checks. Anything else takes getattr()/setattr() and
// refills the entry.
#pragma once

#include <cstdint>
#include <string>
#include <typeinfo>

#include "model/runtime/instance.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/type.hpp"

namespace asim::runtime {

// Whether o's dynamic type is exactly T, as CPython's Py_IS_TYPE compares
// type pointers. type_info's operator== falls back to comparing the mangled
// names with strcmp whenever the types differ, which the hot paths asking
// "an Instance? a Function?" pay on every miss. One program has one
// type_info per class, so the addresses decide; were they ever duplicated,
// the answer would be a false "no", which takes the generic path.
template <class T>
bool is_exactly(const Object& o) {
  return &typeid(o) == &typeid(T);
}
inline bool is_exactly(const Object& o, const std::type_info& type) {
  return &typeid(o) == &type;
}

struct AttributeCache {
  enum class Kind : std::uint8_t {
    Empty,
    // An instance of a program's class whose MRO has nothing of the name:
    // the instance's own attribute.
    InstanceValue,
    // The class has a function of the name: the instance's own attribute if
    // it has one, else the function bound to it. `entry` is the class
    // body's entry, `function` what it held.
    InstanceMethod,
    // The class has a value without a descriptor's behaviour (a number,
    // None, a bool): the instance's own attribute, else that value.
    InstanceClassValue,
    // A module's global: `entry` is its namespace's entry.
    ModuleValue,
    // A native object's native method (list.append): `owner` is the C++
    // class, `type_name` the Python class's name, `entry` the method.
    NativeMethod,
    // STORE_ATTR to an instance of the class, whose attribute it is: the
    // class has nothing of the name, or `entry` is a class value without a
    // descriptor's behaviour.
    StoreInstance,
  };
  Kind kind = Kind::Empty;
  std::uint32_t hint = 0;  // the position of the instance's attribute (Instance::find_inline)
  const std::string* key = nullptr;  // the name, interned
  std::uint64_t version = 0;
  const void* owner = nullptr;  // the class, the module or the C++ class the entry is for
  const void* entry = nullptr;
  const Object* function = nullptr;
  std::string_view type_name;
};

// LOAD_ATTR: top = getattr(top, name).
Value load_attr_uncached(const Value& obj, const std::string& name, AttributeCache& cache);
inline void load_attr(Value& top, const std::string& name, AttributeCache& c) {
  if (c.version == detail::namespaces_version && top.is_object()) {
    Object* o = top.object();
    switch (c.kind) {
      case AttributeCache::Kind::InstanceValue:
      case AttributeCache::Kind::InstanceMethod:
      case AttributeCache::Kind::InstanceClassValue: {
        if (!is_exactly<Instance>(*o)) break;
        auto* inst = static_cast<Instance*>(o);
        if (inst->cls.get() != c.owner || !inst->attributes_inline()) break;
        if (Value* v = inst->find_inline(c.key, c.hint)) {
          top = *v;
          return;
        }
        const auto* entry = static_cast<const Value*>(c.entry);
        if (c.kind == AttributeCache::Kind::InstanceMethod && entry->object() == c.function) {
          top = Value(make<BoundMethod>(std::move(top), Ref<Callable>(static_cast<Callable*>(entry->object()))));
          return;
        }
        if (c.kind == AttributeCache::Kind::InstanceClassValue && !entry->is_object()) {
          top = *entry;
          return;
        }
        break;
      }
      case AttributeCache::Kind::ModuleValue:
        if (o != c.owner) break;
        top = *static_cast<const Value*>(c.entry);
        return;
      case AttributeCache::Kind::NativeMethod: {
        if (!is_exactly(*o, *static_cast<const std::type_info*>(c.owner))) break;
        const std::string_view tn = o->type_name();
        if (tn.data() != c.type_name.data() || tn.size() != c.type_name.size()) break;
        top = Value(make<BoundMethod>(std::move(top), *static_cast<const Ref<Callable>*>(c.entry)));
        return;
      }
      default: break;
    }
  }
  top = load_attr_uncached(top, name, c);
}

// LOAD_METHOD (CPython's _PyObject_GetMethod, with LOAD_ATTR's cache):
// obj, at sp[-1], becomes the method and obj when the name is a method of
// obj's class that obj does not shadow, so that no bound method is made;
// else None and getattr(obj, name). A bound method the generic lookup
// makes is taken apart the same way: CALL_METHOD then calls its function
// with its self first, as CALL calls a bound method. Returns the new sp.
inline Value* load_method(Value* sp, const std::string& name, AttributeCache& c) {
  Value& top = sp[-1];
  if (c.version == detail::namespaces_version && top.is_object()) {
    Object* o = top.object();
    if (c.kind == AttributeCache::Kind::InstanceMethod && is_exactly<Instance>(*o)) {
      auto* inst = static_cast<Instance*>(o);
      const auto* entry = static_cast<const Value*>(c.entry);
      std::uint32_t hint = c.hint;
      if (inst->cls.get() == c.owner && inst->attributes_inline() && !inst->find_inline(c.key, hint) &&
          entry->object() == c.function) {
        *sp = std::move(top);
        top = Value(Ref<Callable>(static_cast<Callable*>(entry->object())));
        return sp + 1;
      }
    } else if (c.kind == AttributeCache::Kind::NativeMethod && is_exactly(*o, *static_cast<const std::type_info*>(c.owner))) {
      const std::string_view tn = o->type_name();
      if (tn.data() == c.type_name.data() && tn.size() == c.type_name.size()) {
        *sp = std::move(top);
        top = Value(*static_cast<const Ref<Callable>*>(c.entry));
        return sp + 1;
      }
    }
  }
  load_attr(top, name, c);
  Object* found = top.object();
  if (found && is_exactly<BoundMethod>(*found)) {
    auto* m = static_cast<BoundMethod*>(found);
    *sp = m->self;
    top = Value(m->function);
  } else {
    *sp = std::move(top);
    top = Value();
  }
  return sp + 1;
}

// STORE_ATTR: setattr(obj, name, value).
void store_attr_uncached(const Value& obj, const std::string& name, Value value, AttributeCache& cache);
inline void store_attr(const Value& obj, const std::string& name, Value value, AttributeCache& c) {
  if (c.kind == AttributeCache::Kind::StoreInstance && c.version == detail::namespaces_version && obj.is_object()) {
    Object* o = obj.object();
    if (is_exactly<Instance>(*o)) {
      auto* inst = static_cast<Instance*>(o);
      const auto* entry = static_cast<const Value*>(c.entry);
      if (inst->cls.get() == c.owner && inst->attributes_inline() && (!entry || !entry->is_object())) {
        if (Value* v = inst->find_inline(c.key, c.hint)) {
          *v = std::move(value);
          return;
        }
        if (inst->add_inline(c.key, value)) return;
      }
    }
  }
  store_attr_uncached(obj, name, std::move(value), c);
}

}  // namespace asim::runtime
