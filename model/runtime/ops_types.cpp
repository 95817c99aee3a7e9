// type(), isinstance() and the registry that maps C++ classes to Python
// classes; `object` and `type` themselves.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "model/runtime/args.hpp"
#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {
// Changes whenever a registry changes: what type_of remembered is then stale.
std::uint64_t registry_version = 0;
}  // namespace

void register_type(const std::type_info& cls, Ref<Type> type) {
  ++registry_version;
  auto& rt = Runtime::current();
  rt.named_types.emplace(type->name, type);
  rt.type_registry[std::type_index(cls)] = std::move(type);
}

namespace {

// The class of an object no one registered: found by its name among the
// known classes, else made up (once) under that name, deriving from the
// builtin class whose protocol the object has.
Ref<Type> class_of_unregistered(Runtime& rt, const Object& o, bool registered) {
  ++registry_version;
  const std::string name(o.type_name());
  if (auto n = rt.named_types.find(name); n != rt.named_types.end()) {
    if (!registered) rt.type_registry[std::type_index(typeid(o))] = n->second;
    return n->second;
  }
  Ref<Type> base = rt.types.object;
  if (dynamic_cast<const Coroutine*>(&o)) base = rt.types.coroutine;
  auto t = make<Type>("builtins", name, base);
  rt.named_types[name] = t;
  if (!registered) rt.type_registry[std::type_index(typeid(o))] = t;
  return t;
}

}  // namespace

Ref<Type> type_of(const Value& v) {
  auto& rt = Runtime::current();
  switch (v.kind()) {
    case Value::Kind::None: return rt.types.NoneType;
    case Value::Kind::Bool: return rt.types.bool_;
    case Value::Kind::Int: return rt.types.int_;
    case Value::Kind::Float: return rt.types.float_;
    case Value::Kind::Obj: break;
  }
  Object* o = v.object();
  if (auto* e = downcast<PyException>(o)) return e->type;
  if (Type* cls = o->user_class()) return Ref<Type>(cls);
  if (auto* t = downcast<Type>(o)) return t->metaclass ? t->metaclass : rt.types.type;
  // The registry's answer for the last few C++ classes asked about, as
  // downcast remembers casts: a hash of std::type_index on every call was a
  // few percent of every program. An entry holds for one runtime and one
  // state of its registry; the name is compared as the registry's answer is.
  struct Entry {
    const std::type_info* cls = nullptr;
    const Runtime* runtime = nullptr;
    std::uint64_t version = 0;
    Type* type = nullptr;
  };
  static thread_local std::array<Entry, 8> cache;
  static thread_local std::size_t next = 0;
  const std::type_info* cls = &typeid(*o);
  for (const Entry& e : cache)
    if (e.cls == cls && e.runtime == &rt && e.version == registry_version && e.type->name == o->type_name())
      return Ref<Type>(e.type);
  auto it = rt.type_registry.find(std::type_index(*cls));
  if (it != rt.type_registry.end() && it->second->name == o->type_name()) {
    cache[next] = Entry{cls, &rt, registry_version, it->second.get()};
    next = (next + 1) % cache.size();
    return it->second;
  }
  return class_of_unregistered(rt, *o, it != rt.type_registry.end());
}

bool isinstance(const Value& v, const Type* cls) {
  auto& t = Runtime::current().types;
  if (cls == t.object.get()) return true;
  switch (v.kind()) {
    case Value::Kind::Int: return cls == t.int_.get();
    case Value::Kind::Bool: return cls == t.bool_.get() || cls == t.int_.get();
    case Value::Kind::Float: return cls == t.float_.get();
    case Value::Kind::None: return cls == t.NoneType.get();
    case Value::Kind::Obj: break;
  }
  return type_of(v)->is_subclass_of(cls);
}

std::int64_t index_value(const Value& v) {
  if (num::is_int(v)) return num::as_i64(v);
  // PyNumber_AsSsize_t(v, PyExc_OverflowError)
  if (num::as_big(v)) throw_overflow_error("cannot fit 'int' into an index-sized integer");
  if (v.is_object()) {
    if (auto f = type_of(v)->lookup_override("__index__")) {
      const Value r = call(*f, std::span<const Value>(&v, 1));
      if (num::is_integer(r)) return index_value(r);
      throw_type_error(fmt::format("__index__ returned non-int (type {})", type_name(r)));
    }
    if (auto* n = v.as<DerivedNumber>(); n && num::is_integer(n->value)) return index_value(n->value);
  }
  throw_type_error(fmt::format("'{}' object cannot be interpreted as an integer", type_name(v)));
}

Value not_implemented() {
  return Runtime::current().types.NotImplemented;
}

namespace {

// object_new: a class whose __abstractmethods__ is not empty (abc's
// ABCMeta computes it) has no instances; the message lists the names sorted.
void refuse_abstract_class(const Type& cls) {
  auto found = cls.dict.find("__abstractmethods__");
  if (found == cls.dict.end() || !truthy(found->second)) return;
  std::vector<std::string> names;
  for (const auto& name : to_vector(found->second)) names.push_back(to_str(name));
  std::sort(names.begin(), names.end());
  const bool several = names.size() > 1;
  std::string message = "Can't instantiate abstract class " + cls.name;
  switch (Runtime::current().features.abstract_class_wording) {
    case AbstractClassWording::AbstractMethods:
      message += fmt::format(" with abstract methods {}", fmt::join(names, ", "));
      break;
    case AbstractClassWording::AbstractMethodSingular:
      message += fmt::format(" with abstract method{} {}", several ? "s" : "", fmt::join(names, ", "));
      break;
    case AbstractClassWording::WithoutAnImplementation:
      message += fmt::format(" without an implementation for abstract method{} '{}'", several ? "s" : "",
                             fmt::join(names, "', '"));
      break;
  }
  throw_type_error(message);
}

std::string checked_class_name(const Value& name) {
  auto* text = name.as<Str>();
  if (!text) throw_type_error(fmt::format("type.__new__() argument 1 must be str, not {}", type_name(name)));
  return text->text;
}

std::vector<Ref<Type>> checked_bases(const Value& tuple) {
  if (!tuple.as<Tuple>()) throw_type_error(fmt::format("type.__new__() argument 2 must be tuple, not {}", type_name(tuple)));
  std::vector<Ref<Type>> bases;
  for (const auto& b : to_vector(tuple)) {
    Ref<Type> t = b.ref<Type>();
    if (!t) throw_type_error("bases must be types");
    bases.push_back(std::move(t));
  }
  return bases;
}

}  // namespace

Ref<Type> type_new(const Ref<Type>& metaclass, const std::string& name, std::vector<Ref<Type>> bases, const Value& ns,
                   std::span<const Keyword> kwargs) {
  auto* body = ns.as<Dict>();
  if (!body) throw_type_error(fmt::format("type.__new__() argument 3 must be dict, not {}", type_name(ns)));
  // The metaclass: the one given unless a base's is more derived.
  Ref<Type> meta = metaclass.get() == Runtime::current().types.type.get() ? nullptr : metaclass;
  for (const auto& b : bases)
    if (b->metaclass && (!meta || b->metaclass->is_subclass_of(meta.get()))) meta = b->metaclass;
  if (bases.empty()) bases.push_back(Runtime::current().types.object);
  check_bases(bases);
  std::vector<std::pair<std::string, Value>> attrs;
  for (const auto& e : body->entries())
    if (e.live && e.key.as<Str>()) attrs.emplace_back(e.key.as<Str>()->text, e.value);
  std::string module = "__main__";
  std::string qualname = name;
  Ref<Type> cls;
  {
    std::vector<std::pair<std::string, Value>> kept;
    for (auto& [key, value] : attrs) {
      if (key == "__module__") module = to_str(value);
      if (key == "__qualname__") {
        qualname = to_str(value);
        continue;
      }
      kept.emplace_back(key, value);
    }
    attrs = std::move(kept);
    cls = make<Type>(module, name, std::move(bases));
  }
  cls->metaclass = meta;
  cls->qualname = qualname;
  // __classcell__ (what super() and __class__ in methods read) is filled by
  // whoever ran the class body, with the class this call returns.
  for (auto& [key, value] : attrs)
    if (key != "__classcell__") cls->dict[key] = value;
  // type_new, as CPython's: a class that defines __eq__ and not __hash__ has
  // __hash__ = None in its own dict (its instances are unhashable, and
  // the attribute reads None).
  if (cls->dict.count("__eq__") && !cls->dict.count("__hash__")) cls->dict["__hash__"] = Value::none();
  // type_new_set_names: each descriptor learns the name it is bound to.
  for (const auto& [key, value] : attrs) {
    if (!value.is_object() || !value.as<Instance>()) continue;
    if (auto set_name = type_of(value)->lookup_override("__set_name__")) {
      const Value args[] = {value, Value(cls), Value::str(key)};
      call(*set_name, args);
    }
  }
  // type_new_init_subclass: object.__init_subclass__ does nothing (and takes
  // no keywords); only a class body's runs.
  for (Type* ancestor : cls->ancestors()) {
    auto hook = ancestor->dict.find("__init_subclass__");
    if (hook == ancestor->dict.end()) continue;
    Value fn = hook->second;
    if (auto* cm = fn.as<ClassMethod>()) fn = cm->fn;
    const Value arg[] = {Value(cls)};
    call(fn, arg, kwargs);
    return cls;
  }
  if (!kwargs.empty())
    throw_type_error(Runtime::current().features.method_errors_qualified
                         ? fmt::format("{}.__init_subclass__() takes no keyword arguments", name)
                         : std::string("__init_subclass__() takes no keyword arguments"));
  return cls;
}

void install_object_type(BuiltinTypes& t) {
  // object(): a plain instance; a class without a builtin base makes its
  // instances here too (call() passes the class actually called).
  t.object->constructor = [](const Ref<Type>& cls, std::span<const Value>, std::span<const Keyword>) {
    refuse_abstract_class(*cls);
    return Value(make<Instance>(cls));
  };
  def(t.object, "__init__", [](std::span<const Value>, std::span<const Keyword>) { return Value::none(); });
  // object.__new__(cls): a bare instance, for a class body's __new__.
  def(t.object, "__new__", [](std::span<const Value> a, std::span<const Keyword>) {
    auto* cls = a.empty() ? nullptr : a[0].as<Type>();
    if (!cls) throw_type_error("object.__new__(X): X is not a type object");
    if (builtin_base(*cls)) {
      // tp_new_wrapper: an instance of a builtin's subclass needs the
      // builtin's __new__; named by the first class not overriding __new__.
      const Type* base = cls;
      for (const Type* t : cls->ancestors()) {
        if (!base->dict.count("__new__")) break;
        base = t;
      }
      throw_type_error(fmt::format("object.__new__({}) is not safe, use {}.__new__()", cls->name, base->name));
    }
    refuse_abstract_class(*cls);
    return Value(make<Instance>(Ref<Type>(cls)));
  });
  def(t.object, "__repr__", [](std::span<const Value> a, std::span<const Keyword>) {
    return Value::str(a[0].is_object() ? a[0].object()->repr() : repr(a[0]));
  });
  def(t.object, "__str__", [](std::span<const Value> a, std::span<const Keyword>) { return Value::str(to_repr(a[0])); });
  def(t.object, "__eq__", [](std::span<const Value> a, std::span<const Keyword>) {
    args::exactly("__eq__", a.subspan(1), 1);
    return a[0].is(a[1]) ? Value::boolean(true) : not_implemented();
  });
  def(t.object, "__ne__", [](std::span<const Value> a, std::span<const Keyword>) {
    args::exactly("__ne__", a.subspan(1), 1);
    return Value::boolean(!equals(a[0], a[1]));
  });
  def(t.object, "__hash__", [](std::span<const Value> a, std::span<const Keyword>) {
    return Value::integer(py_hash(a[0]));
  });
  // object_richcompare: orderings are left to the other operand.
  for (const char* m : {"__lt__", "__le__", "__gt__", "__ge__"}) {
    def(t.object, m, [m](std::span<const Value> a, std::span<const Keyword>) {
      args::exactly(m, a.subspan(1), 1);
      return not_implemented();
    });
  }
  // object.__format__: str(self) for an empty spec only.
  def(t.object, "__format__", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("__format__", kw);
    args::exactly("__format__", a.subspan(1), 1);
    auto* spec = a[1].as<Str>();
    if (!spec) throw_type_error(fmt::format("__format__() argument must be str, not {}", type_name(a[1])));
    if (!spec->text.empty())
      throw_type_error(fmt::format("unsupported format string passed to {}.__format__", type_name(a[0])));
    return Value::str(to_str(a[0]));
  });
  // object.__init_subclass__ (an implicit classmethod): does nothing, and
  // takes no keywords.
  t.object->dict["__init_subclass__"] = Value(make<ClassMethod>(Value(builtin_function(
      "__init_subclass__",
      [](std::span<const Value> a, std::span<const Keyword> kw) {
        auto* cls = a.empty() ? nullptr : a[0].as<Type>();
        // 3.9+ name the class, as getargs names a method's.
        if (!kw.empty())
          throw_type_error(Runtime::current().features.method_errors_qualified && cls
                               ? fmt::format("{}.__init_subclass__() takes no keyword arguments", cls->name)
                               : std::string("__init_subclass__() takes no keyword arguments"));
        args::exactly("__init_subclass__", a.subspan(1), 0);
        return Value::none();
      },
      "object"))));
  // object.__subclasshook__: no opinion (abc's hooks decide).
  t.object->dict["__subclasshook__"] = Value(make<ClassMethod>(Value(builtin_function(
      "__subclasshook__", [](std::span<const Value>, std::span<const Keyword>) { return not_implemented(); }, "object"))));
  // object.__getattribute__: the generic lookup, no __getattr__ hook.
  def(t.object, "__getattribute__", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("__getattribute__", kw);
    args::exactly("__getattribute__", a.subspan(1), 1);
    auto* name = a[1].as<Str>();
    if (!name) throw_type_error(fmt::format("attribute name must be string, not '{}'", type_name(a[1])));
    if (auto v = getattr_opt(a[0], name->text)) return *v;
    stop_if_cpython_has(a[0], name->text);
    throw_attribute_error(fmt::format("'{}' object has no attribute '{}'", type_name(a[0]), name->text));
  });
  def(t.object, "__setattr__", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("__setattr__", kw);
    args::exactly("__setattr__", a.subspan(1), 2);
    auto* name = a[1].as<Str>();
    if (!name) throw_type_error(fmt::format("attribute name must be string, not '{}'", type_name(a[1])));
    object_setattr(a[0], name->text, a[2]);
    return Value::none();
  });
  def(t.object, "__delattr__", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("__delattr__", kw);
    args::exactly("__delattr__", a.subspan(1), 1);
    auto* name = a[1].as<Str>();
    if (!name) throw_type_error(fmt::format("attribute name must be string, not '{}'", type_name(a[1])));
    object_delattr(a[0], name->text);
    return Value::none();
  });

  // type(x) -> its class; type(name, bases, dict) -> a new class.
  t.type->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) -> Value {
    if (a.size() == 1 && kw.empty()) return type_of(a[0]);
    if (a.size() != 3) throw_type_error("type() takes 1 or 3 arguments");
    return Value(type_new(Runtime::current().types.type, checked_class_name(a[0]), checked_bases(a[1]), a[2], kw));
  };
  def(t.type, "__new__", [](std::span<const Value> a, std::span<const Keyword> kw) -> Value {
    if (a.empty() || !a[0].as<Type>())
      throw_type_error(fmt::format("type.__new__(X): X is not a type object ({})", a.empty() ? "" : type_name(a[0])));
    if (a.size() != 4) throw_type_error(fmt::format("type.__new__() takes exactly 3 arguments ({} given)", a.size() - 1));
    return Value(type_new(a[0].ref<Type>(), checked_class_name(a[1]), checked_bases(a[2]), a[3], kw));
  });
  def(t.type, "__call__", [](std::span<const Value> a, std::span<const Keyword> kw) -> Value {
    auto* cls = a.empty() ? nullptr : a[0].as<Type>();
    if (!cls) throw_type_error("descriptor '__call__' requires a 'type' object");
    return type_call(*cls, a.subspan(1), kw);
  });
  def(t.type, "mro", [](std::span<const Value> a, std::span<const Keyword>) {
    auto* cls = a[0].as<Type>();
    if (!cls) throw_type_error("descriptor 'mro' for 'type' objects doesn't apply to this object");
    std::vector<Value> out{a[0]};
    for (Type* anc : cls->ancestors()) out.push_back(Value(Ref<Type>(anc)));
    return make_list(std::move(out));
  });

  t.NoneType->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    if (!a.empty() || !kw.empty()) throw_type_error("NoneType takes no arguments");
    return Value::none();
  };
  t.property->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    auto p = args::bind("property", a, kw, {"fget", "fset", "fdel", "doc"}, 4, 0);
    const Value fget = p[0].value_or(Value::none());
    Value doc = p[3].value_or(Value::none());
    // property_init_impl: without a doc, the getter's docstring.
    if (doc.is_none() && !fget.is_none())
      if (auto own = getattr_opt(fget, "__doc__")) doc = *own;
    return Value(make<Property>(fget, p[1].value_or(Value::none()), p[2].value_or(Value::none()), doc));
  };
  // property_copy: getter/setter/deleter make a property with one function
  // replaced; a new getter brings its docstring.
  const auto copy_with = [](const char* which) {
    return [which](std::span<const Value> a, std::span<const Keyword>) {
      args::exactly(which, a.subspan(1), 1);
      const Property& old = *a[0].as<Property>();
      const std::string_view w = which;
      Value doc = old.doc;
      if (w == "getter")
        if (auto own = getattr_opt(a[1], "__doc__"); own && !own->is_none()) doc = *own;
      return Value(make<Property>(w == "getter" ? a[1] : old.fget, w == "setter" ? a[1] : old.fset,
                                  w == "deleter" ? a[1] : old.fdel, doc));
    };
  };
  for (const char* which : {"getter", "setter", "deleter"}) def(t.property, which, copy_with(which));
  // __isabstractmethod__ (abc): a wrapper is abstract when what it wraps is.
  const auto abstract = [](const Value& fn) {
    auto flag = getattr_opt(fn, "__isabstractmethod__");
    return flag && truthy(*flag);
  };
  t.property->add_getter("__isabstractmethod__", [abstract](const Value& self) {
    auto* p = self.as<Property>();
    return Value::boolean(abstract(p->fget) || abstract(p->fset) || abstract(p->fdel));
  });
  t.property->add_getter("fget", [](const Value& self) { return self.as<Property>()->fget; });
  t.property->add_getter("fset", [](const Value& self) { return self.as<Property>()->fset; });
  t.property->add_getter("fdel", [](const Value& self) { return self.as<Property>()->fdel; });
  t.property->add_getter("__doc__", [](const Value& self) { return self.as<Property>()->doc; });
  t.staticmethod->add_getter("__isabstractmethod__",
                             [abstract](const Value& self) { return Value::boolean(abstract(self.as<StaticMethod>()->fn)); });
  t.staticmethod->add_getter("__func__", [](const Value& self) { return self.as<StaticMethod>()->fn; });
  t.classmethod->add_getter("__isabstractmethod__",
                            [abstract](const Value& self) { return Value::boolean(abstract(self.as<ClassMethod>()->fn)); });
  t.classmethod->add_getter("__func__", [](const Value& self) { return self.as<ClassMethod>()->fn; });
  t.staticmethod->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("staticmethod", kw);
    args::exactly("staticmethod", a, 1);
    return Value(make<StaticMethod>(a[0]));
  };
  t.classmethod->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("classmethod", kw);
    args::exactly("classmethod", a, 1);
    return Value(make<ClassMethod>(a[0]));
  };
}

}  // namespace asim::runtime
