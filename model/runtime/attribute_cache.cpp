// Filling LOAD_ATTR's and STORE_ATTR's inline caches (specialize.c's
// _Py_Specialize_LoadAttr and _Py_Specialize_StoreAttr): the generic
// operation answers, and the entry remembers how, when the answer depends
// only on the receiver's class (or module) and the namespaces as they are.
#include "model/runtime/attribute_cache.hpp"

#include "model/runtime/derived.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/intern.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/protocols.hpp"

namespace asim::runtime {

namespace {

bool is_function(const Value& v) {
  auto* fn = v.as<Callable>();
  return fn && fn->type_name() == "function";
}

// Names whose lookup is not the generic one.
bool special_name(std::string_view name) {
  return name == "__class__" || name == "__dict__";
}

void specialize_load(const Value& obj, const std::string& name, AttributeCache& c) {
  using Kind = AttributeCache::Kind;
  c.kind = Kind::Empty;
  if (!obj.is_object() || special_name(name)) return;
  Object* o = obj.object();
  const std::uint64_t version = detail::namespaces_version;
  if (typeid(*o) == typeid(Instance)) {
    const Type* cls = static_cast<Instance*>(o)->cls.get();
    if (cls->lookup_override("__getattribute__")) return;
    bool native = false;
    const Value* entry = cls->class_entry(name, native);
    if (native) return;
    if (!entry) c.kind = Kind::InstanceValue;
    else if (is_function(*entry)) c.kind = Kind::InstanceMethod;
    else if (!entry->is_object()) c.kind = Kind::InstanceClassValue;
    else return;
    c.owner = cls;
    c.entry = entry;
    c.function = entry ? entry->object() : nullptr;
    c.key = intern_name(name);
  } else if (auto* m = downcast<Module>(o)) {
    auto it = m->dict.find(name);
    if (it == m->dict.end()) return;
    c.kind = Kind::ModuleValue;
    c.owner = m;
    c.entry = &it->second;
  } else {
    if (o->user_class() || downcast<Type>(o) || downcast<PyException>(o) || downcast<HasAttributes>(o)) return;
    const Ref<Type> cls = type_of(obj);
    const Ref<Callable>* method = cls->native_method(name);
    if (!method) return;
    c.kind = Kind::NativeMethod;
    c.owner = &typeid(*o);
    c.type_name = o->type_name();
    c.entry = method;
  }
  c.version = version;
}

}  // namespace

Value load_attr_uncached(const Value& obj, const std::string& name, AttributeCache& c) {
  Value v = getattr(obj, name);
  // Specialized after the lookup, which may have run Python code (a
  // property, __getattr__) that changed the namespaces.
  specialize_load(obj, name, c);
  return v;
}

void store_attr_uncached(const Value& obj, const std::string& name, Value value, AttributeCache& c) {
  setattr(obj, name, std::move(value));
  c.kind = AttributeCache::Kind::Empty;
  const Object* o = obj.is_object() ? obj.object() : nullptr;
  if (!o || special_name(name) || typeid(*o) != typeid(Instance)) return;
  const Type* cls = static_cast<Instance*>(obj.object())->cls.get();
  if (cls->lookup_override("__setattr__") || !has_room_for(*cls, name)) return;
  // object_setattr looks for a data descriptor along the MRO first: with
  // nothing of the name there, or a plain value, the instance takes it.
  bool native = false;
  const Value* entry = cls->class_entry(name, native);
  if (native || (entry && entry->is_object())) return;
  c.kind = AttributeCache::Kind::StoreInstance;
  c.owner = cls;
  c.entry = entry;
  c.key = intern_name(name);
  c.version = detail::namespaces_version;
}

}  // namespace asim::runtime
