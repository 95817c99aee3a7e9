// Attribute access and calls (PyObject_GenericGetAttr, type_getattro,
// module_getattro, PyObject_Call, type_call).
#include <fmt/format.h>

#include "model/runtime/attribute_error.hpp"
#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/protocols.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::runtime {

namespace {

Value tuple_of_types(const Type& cls, bool with_self) {
  std::vector<Value> out;
  if (with_self) out.push_back(Value(Ref<Type>(const_cast<Type*>(&cls))));
  for (Type* t : cls.ancestors()) out.push_back(Value(Ref<Type>(t)));
  return make_tuple(std::move(out));
}

// A class attribute whose class body defines `method` (__get__, __set__): a
// descriptor written in Python, such as functools.cached_property.
// property_descr_set's refusal of an assignment ("set", "setter") or a
// `del` ("delete", "deleter") it has no function for, per version.
[[noreturn]] void property_refuses(std::string_view name, const Type& cls, const char* verb, const char* function) {
  switch (Runtime::current().features.property_refusal_wording) {
    case PropertyRefusalWording::Bare: throw_attribute_error(fmt::format("can't {} attribute", verb));
    case PropertyRefusalWording::Named: throw_attribute_error(fmt::format("can't {} attribute '{}'", verb, name));
    case PropertyRefusalWording::Owner: break;
  }
  throw_attribute_error(fmt::format("property '{}' of '{}' object has no {}", name, cls.name, function));
}

std::optional<Value> descriptor_method(const Value& attr, std::string_view method) {
  if (!attr.is_object() || !attr.as<Instance>()) return std::nullopt;
  return type_of(attr)->lookup_override(method);
}

std::optional<Value> type_attribute(Type& cls, std::string_view name) {
  if (name == "__name__") return Value::str(cls.name);
  if (name == "__qualname__") return Value::str(cls.qualname);
  if (name == "__module__") return Value::str(cls.module);
  if (name == "__mro__") return tuple_of_types(cls, true);
  if (name == "__bases__") {
    std::vector<Value> bases(cls.bases.begin(), cls.bases.end());
    return make_tuple(std::move(bases));
  }
  if (name == "__base__") return cls.base ? Value(cls.base) : Value::none();
  if (name == "__dict__") {
    Value d = make_dict();
    for (const auto& [k, v] : cls.dict) setitem(d, Value::str(k), v);
    return d;
  }
  if (name == "__doc__") {
    if (auto d = cls.dict.find("__doc__"); d != cls.dict.end()) return d->second;
    return Value::none();
  }
  const Ref<Type> self(&cls);
  if (auto v = cls.lookup_class(name)) return bind_descriptor(*v, Value(self), self, false);
  if (cls.metaclass) {
    // The metaclass's methods and properties, bound to the class.
    if (auto v = cls.metaclass->lookup_class(name)) {
      if (auto* p = v->as<Property>()) {
        const Value arg[] = {Value(self)};
        return call(p->fget, arg);
      }
      if (auto* fn = v->as<Callable>()) return Value(make<BoundMethod>(Value(self), Ref<Callable>(fn)));
      return v;
    }
  }
  // The metaclass: type's own methods (mro()).
  return Runtime::current().types.type->lookup(Value(self), name);
}

std::optional<Value> exception_attribute(PyException& e, std::string_view name) {
  if (name == "args") return make_tuple(e.args);
  if (name == "__cause__") return e.cause ? Value(e.cause) : Value::none();
  if (name == "__context__") return e.context ? Value(e.context) : Value::none();
  if (name == "__suppress_context__") return Value::boolean(e.suppress_context);
  if (auto d = e.dict.find(std::string(name)); d != e.dict.end()) return d->second;
  if (name == "__traceback__") return traceback_of(Ref<PyException>(&e));
  return std::nullopt;
}

std::optional<Value> callable_attribute(Callable& c, std::string_view name) {
  if (name == "__qualname__") return Value::str(c.qualname());
  if (name == "__name__") {
    const std::string q = c.qualname();
    const auto dot = q.rfind('.');
    return Value::str(dot == std::string::npos ? q : q.substr(dot + 1));
  }
  if (auto* m = dynamic_cast<BoundMethod*>(&c)) {
    if (name == "__self__") return m->self;
    if (name == "__func__") return Value(m->function);
    // method_getattro: what the method does not have, its function answers.
    if (name == "__module__") return getattr_opt(Value(m->function), name);
  }
  if (name == "__module__" && dynamic_cast<BuiltinFunction*>(&c)) return Value::str("builtins");
  return std::nullopt;
}

// structmember.c's member_get (3.7-3.9) and member_set (deleting) of a
// __slots__ member never set: the message is the member's name.
[[noreturn]] void unset_slot(std::string_view name) {
  raise(Runtime::current().builtins.AttributeError, std::string(name));
}

}  // namespace

// The class name CPython's messages print (tp_name): for classes of C
// accelerator modules (named with a leading underscore, like _asyncio) it
// includes the module, "_asyncio.Task"; otherwise it is the bare name.
std::string tp_name(const Value& obj) {
  const auto cls = type_of(obj);
  if (cls->module.size() > 1 && cls->module[0] == '_' && cls->module[1] != '_') return cls->module + "." + cls->name;
  return type_name(obj);
}

[[noreturn]] void no_attribute(const Value& obj, std::string_view name, bool setting) {
  std::string message;
  if (auto* m = obj.as<Module>()) message = fmt::format("module '{}' has no attribute '{}'", m->name, name);
  else if (auto* t = obj.as<Type>()) {
    // tp_name: a class of a C extension module (_asyncio.Task) is named
    // with its module.
    const bool c_extension = t->module.starts_with("_") && !t->module.starts_with("__");
    message = fmt::format("type object '{}' has no attribute '{}'", c_extension ? t->module + "." + t->name : t->qualname, name);
  }
  else message = fmt::format("'{}' object has no attribute '{}'", tp_name(obj), name);
  if (setting && Runtime::current().features.no_dict_hint) message += " and no __dict__ for setting new attributes";
  auto exc = new_exception(Runtime::current().builtins.AttributeError, std::move(message));
  // AttributeError.name and .obj, which 3.12's traceback uses for its
  // "Did you mean" suggestion.
  exc->dict["name"] = Value::str(std::string(name));
  exc->dict["obj"] = obj;
  throw PyError{exc};
}

// What a class attribute becomes when read through an instance or a class:
// properties run, static and class methods unwrap, a __get__ is called (the
// descriptor protocol).
Value bind_descriptor(const Value& found, const Value& self, const Ref<Type>& cls, bool through_instance) {
  if (auto get = descriptor_method(found, "__get__")) {
    const Value args[] = {found, through_instance ? self : Value::none(), Value(cls)};
    return call(*get, args);
  }
  if (auto* p = found.as<Property>()) {
    if (!through_instance) return found;
    if (p->fget.is_none()) throw_attribute_error("property has no getter");
    return call(p->fget, std::span<const Value>(&self, 1));
  }
  if (auto* s = found.as<StaticMethod>()) return s->fn;
  if (auto* c = found.as<ClassMethod>()) {
    if (auto* fn = c->fn.as<Callable>()) return Value(make<BoundMethod>(Value(cls), Ref<Callable>(fn)));
    return c->fn;
  }
  return found;
}

namespace {

// object.__class__, unless the instance's class defines __class__ itself (a
// property, as unittest.mock's mocks with a spec do), which the MRO finds
// first.
Value class_of(const Value& obj) {
  if (auto* inst = obj.as<Instance>())
    if (auto own = inst->cls->lookup_override("__class__")) return bind_descriptor(*own, obj, inst->cls, true);
  return Value(type_of(obj));
}

}  // namespace

std::optional<Value> getattr_opt(const Value& obj, std::string_view name) {
  if (name == "__class__") return class_of(obj);
  if (obj.is_object()) {
    Object* o = obj.object();
    // An instance of a class the program defines, what programs read
    // attributes of most: the steps below for it alone, in their order (data
    // descriptors, the instance's __dict__, then the class attribute).
    if (auto* inst = downcast<Instance>(o)) {
      const Ref<Type>& cls = inst->cls;
      std::optional<Value> found = cls->lookup(obj, name);
      if (found && (found->as<Property>() || descriptor_method(*found, "__set__")))
        return bind_descriptor(*found, obj, cls, true);
      if (auto v = inst->get_attribute(name)) return v;
      if (found) return bind_descriptor(*found, obj, cls, true);
      return std::nullopt;
    }
    if (auto* m = downcast<Module>(o)) {
      if (auto it = m->dict.find(std::string(name)); it != m->dict.end()) return it->second;
      if (name == "__name__") return Value::str(m->name);
      if (name == "__dict__") {
        Value d = make_dict();
        for (const auto& [k, v] : m->dict) setitem(d, Value::str(k), v);
        return d;
      }
      // PEP 562: the module's own __getattr__ answers for a missing name.
      if (auto hook = m->dict.find("__getattr__"); hook != m->dict.end()) {
        const Value arg[1] = {Value::str(std::string(name))};
        try {
          return call(hook->second, arg);
        } catch (const PyError& e) {
          if (!e.exc->isinstance(Runtime::current().builtins.AttributeError.get())) throw;
        }
      }
      return std::nullopt;
    }
    if (auto* t = downcast<Type>(o)) return type_attribute(*t, name);
  }
  const Ref<Type> cls = type_of(obj);
  std::optional<Value> found = cls->lookup(obj, name);
  // Data descriptors come before the instance's own attributes.
  if (found && (found->as<Property>() || descriptor_method(*found, "__set__")))
    return bind_descriptor(*found, obj, cls, true);
  if (obj.is_object()) {
    Object* o = obj.object();
    if (auto* e = downcast<PyException>(o)) {
      if (auto v = exception_attribute(*e, name)) return v;
    } else if (auto* h = downcast<HasAttributes>(o)) {
      if (auto v = h->get_attribute(name)) return v;
    }
    if (!found) {
      if (auto* c = downcast<Callable>(o)) return callable_attribute(*c, name);
      if (auto* co = downcast<Coroutine>(o)) {
        if (name == "__qualname__") return Value::str(std::string(co->qualname));
        if (name == "__name__") {
          const auto dot = co->qualname.rfind('.');
          return Value::str(std::string(dot == std::string_view::npos ? co->qualname : co->qualname.substr(dot + 1)));
        }
      }
    }
  }
  if (found) return bind_descriptor(*found, obj, cls, true);
  return std::nullopt;
}

Value getattr(const Value& obj, std::string_view name) {
  // slot_tp_getattr_hook: a class body's __getattribute__ takes every read;
  // when it raises AttributeError, the class's __getattr__ answers.
  if (auto hook = user_override(obj, "__getattribute__")) {
    const Value args[] = {obj, Value::str(std::string(name))};
    try {
      return call(*hook, args);
    } catch (const PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.AttributeError.get())) throw;
      if (auto f = user_override(obj, "__getattr__")) return call(*f, args);
      throw;
    }
  }
  if (auto v = getattr_opt(obj, name)) return std::move(*v);
  // CPython's builtin class would have answered before any __getattr__ runs.
  stop_if_cpython_has(obj, name);
  // A __getattr__ runs when normal lookup fails: a class body's, or one a
  // native class keeps in its dict (asyncio's objects stop the run there for
  // a name CPython's have and the model's lack).
  std::optional<Value> f = user_override(obj, "__getattr__");
  if (!f && obj.is_object()) f = type_of(obj)->lookup_override("__getattr__");
  if (f) {
    const Value args[] = {obj, Value::str(std::string(name))};
    return call(*f, args);
  }
  if (!Runtime::current().features.unset_slot_names_object && obj.is_object() && declared_slot(*type_of(obj), name))
    unset_slot(name);
  no_attribute(obj, name);
}

void setattr(const Value& obj, std::string_view name, Value value) {
  // A class body's __setattr__ takes every assignment (slot_tp_setattro).
  if (auto f = user_override(obj, "__setattr__")) {
    const Value args[] = {obj, Value::str(std::string(name)), std::move(value)};
    call(*f, args);
    return;
  }
  object_setattr(obj, name, std::move(value));
}

void object_setattr(const Value& obj, std::string_view name, Value value) {
  auto& b = Runtime::current().builtins;
  if (obj.is_object()) {
    Object* o = obj.object();
    if (auto* m = downcast<Module>(o)) {
      m->dict[std::string(name)] = std::move(value);
      return;
    }
    if (auto* t = downcast<Type>(o)) {
      if (t->module == "builtins")
        throw_type_error(fmt::format("cannot set '{}' attribute of immutable type '{}'", name, t->name));
      t->dict[std::string(name)] = std::move(value);
      return;
    }
    const Ref<Type> cls = type_of(obj);
    const auto found = cls->lookup_class(name);
    if (auto* p = found ? found->as<Property>() : nullptr) {
      if (p->fset.is_none()) property_refuses(name, *cls, "set", "setter");
      const Value args[] = {obj, value};
      call(p->fset, args);
      return;
    }
    if (found) {
      if (auto set = descriptor_method(*found, "__set__")) {
        const Value args[] = {*found, obj, value};
        call(*set, args);
        return;
      }
    }
    if (auto* e = downcast<PyException>(o)) {
      auto as_exception = [&](const char* what) -> Ref<PyException> {
        if (value.is_none()) return nullptr;
        if (auto* x = value.as<PyException>()) return Ref<PyException>(x);
        throw_type_error(fmt::format("exception {} must be None or derive from BaseException", what));
      };
      if (name == "__cause__") {
        e->cause = as_exception("cause");
        e->suppress_context = true;
      } else if (name == "__context__") {
        e->context = as_exception("context");
      } else if (name == "__suppress_context__") {
        e->suppress_context = truthy(value);
      } else if (name == "args") {
        e->args = to_vector(value);
      } else if (name == "__traceback__") {
        set_traceback(*e, value);
      } else {
        e->dict[std::string(name)] = std::move(value);
      }
      return;
    }
    if (auto* h = downcast<HasAttributes>(o)) {
      if (h->set_attribute(name, value)) return;
    }
  }
  (void)b;
  // A builtin's own attributes cannot be replaced.
  const Ref<Type> cls = type_of(obj);
  if (cls->has_getter(name))
    throw_attribute_error(fmt::format("attribute '{}' of '{}' objects is not writable", name, cls->name));
  if (cls->lookup_class(name))
    throw_attribute_error(fmt::format("'{}' object attribute '{}' is read-only", type_name(obj), name));
  no_attribute(obj, name, true);
}

void delattr(const Value& obj, std::string_view name) {
  if (auto f = user_override(obj, "__delattr__")) {
    const Value args[] = {obj, Value::str(std::string(name))};
    call(*f, args);
    return;
  }
  object_delattr(obj, name);
}

void object_delattr(const Value& obj, std::string_view name) {
  if (obj.is_object()) {
    Object* o = obj.object();
    // Data descriptors of the class come first (property's fdel, __delete__).
    if (!downcast<Module>(o) && !downcast<Type>(o)) {
      const Ref<Type> cls = type_of(obj);
      if (const auto found = cls->lookup_class(name)) {
        if (auto* p = found->as<Property>()) {
          if (p->fdel.is_none()) property_refuses(name, *cls, "delete", "deleter");
          call(p->fdel, std::span<const Value>(&obj, 1));
          return;
        }
        if (auto del = descriptor_method(*found, "__delete__")) {
          const Value args[] = {*found, obj};
          call(*del, args);
          return;
        }
      }
    }
    if (auto* m = downcast<Module>(o)) {
      if (m->dict.erase(std::string(name))) return;
    } else if (auto* t = downcast<Type>(o)) {
      if (t->dict.erase(std::string(name))) return;
    } else if (auto* e = downcast<PyException>(o)) {
      if (e->dict.erase(std::string(name))) return;
    } else if (auto* h = downcast<HasAttributes>(o)) {
      if (h->del_attribute(name)) return;
    }
    if (declared_slot(*type_of(obj), name)) unset_slot(name);
  }
  no_attribute(obj, name);
}

namespace {

// A class called: its metaclass's __call__ if it has one, else type_call.
Value call_type(Type& cls, std::span<const Value> args, std::span<const Keyword> kwargs) {
  if (cls.metaclass) {
    if (auto f = cls.metaclass->lookup_override("__call__")) {
      std::vector<Value> all{Value(Ref<Type>(&cls))};
      all.insert(all.end(), args.begin(), args.end());
      return call(*f, all, kwargs);
    }
  }
  return type_call(cls, args, kwargs);
}

}  // namespace

// type_call: build the instance with the nearest builtin constructor, then
// run a class body's __init__.
Value type_call(Type& cls, std::span<const Value> args, std::span<const Keyword> kwargs) {
  const Ref<Type> self(&cls);
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(Value(self));
  all.insert(all.end(), args.begin(), args.end());
  // A class body's __new__ (a static method taking the class): __init__
  // runs only on an instance of the class it returns.
  if (auto nw = cls.lookup_override("__new__")) {
    Value fn = *nw;
    if (auto* sm = fn.as<StaticMethod>()) fn = sm->fn;
    Value instance = call(fn, all, kwargs);
    if (!type_of(instance)->is_subclass_of(&cls)) return instance;
    if (auto init = type_of(instance)->lookup_override("__init__")) {
      all[0] = instance;
      const Value r = call(*init, all, kwargs);
      if (!r.is_none()) throw_type_error(fmt::format("__init__() should return None, not '{}'", type_name(r)));
    }
    return instance;
  }
  const Type::Constructor* ctor = cls.find_constructor();
  if (!ctor) throw_type_error(fmt::format("cannot create '{}' instances", cls.qualified_name()));
  auto init = cls.lookup_override("__init__");
  // A type with its own constructor (bool, a native subclass of dict...) makes
  // its instances itself; only a class body deriving from a builtin wraps one.
  const Type* builtin =
      ctor == &Runtime::current().types.object->constructor || ctor == &cls.constructor ? nullptr : builtin_base(cls);
  if (builtin && builtin != &cls) {
    // The builtin's tp_new, then tp_init: list, dict and set fill the
    // instance in __init__ (their __new__ ignores the arguments), the
    // immutable ones in __new__, whose keywords a subclass's own __init__ takes.
    const bool fills = init_fills(*builtin);
    Value instance = derive(self, (*ctor)(Ref<Type>(const_cast<Type*>(builtin)), init && fills ? std::span<const Value>() : args,
                                          init ? std::span<const Keyword>() : kwargs));
    if (init) {
      all[0] = instance;
      const Value r = call(*init, all, kwargs);
      if (!r.is_none()) throw_type_error(fmt::format("__init__() should return None, not '{}'", type_name(r)));
    }
    return instance;
  }
  if (!init) {
    if (ctor == &Runtime::current().types.object->constructor && (!args.empty() || !kwargs.empty()))
      throw_type_error(fmt::format("{}() takes no arguments", cls.name));
    return (*ctor)(self, args, kwargs);
  }
  Value instance = (*ctor)(self, args, {});
  all[0] = instance;
  const Value r = call(*init, all, kwargs);
  if (!r.is_none()) throw_type_error(fmt::format("__init__() should return None, not '{}'", type_name(r)));
  return instance;
}

Value call(const Value& callable, std::span<const Value> args, std::span<const Keyword> kwargs) {
  if (auto* c = callable.as<Callable>()) return kwargs.empty() ? c->call(args) : c->call_kw(args, kwargs);
  if (auto* t = callable.as<Type>()) return call_type(*t, args, kwargs);
  if (callable.is_object()) {
    if (auto f = type_of(callable)->lookup_override("__call__")) {
      std::vector<Value> all{callable};
      all.insert(all.end(), args.begin(), args.end());
      return call(*f, all, kwargs);
    }
  }
  throw_type_error(fmt::format("'{}' object is not callable", type_name(callable)));
}

Value call_method(const Value& obj, std::string_view name, std::span<const Value> args,
                  std::span<const Keyword> kwargs) {
  return call(getattr(obj, name), args, kwargs);
}

bool is_callable(const Value& v) {
  if (v.as<Callable>() || v.as<Type>()) return true;
  return v.is_object() && type_of(v)->lookup_override("__call__").has_value();
}

}  // namespace asim::runtime
