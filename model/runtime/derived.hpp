// Instances of classes a scenario derives from a builtin type: class
// Stack(list), class Point(tuple), class Registry(dict), class Name(str),
// class Celsius(float). A container or text instance IS the builtin's C++
// object (a Derived<List> is a List), so that every builtin function taking a
// list takes a Stack, as CPython's PyList_Check accepts subclasses, and the
// builtin's own methods work on it without calling the subclass's overrides.
// The Python-level operations (ops.hpp) ask Object::user_class first and call
// what the class body overrides. An int or float is an immediate Value, so
// its subclass instance wraps one (DerivedNumber) and the operations unwrap
// it when the class does not override them.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "model/runtime/protocols.hpp"

namespace asim::runtime {

namespace detail {
// True while the collection at interpreter shutdown runs
// (Interpreter::collect_at_exit).
inline bool finalizing_at_exit = false;
}  // namespace detail

// slot_tp_finalize: calls the __del__ a class body along the MRO of `cls`
// (self's class) defines; what escapes it is unraisable, as
// PyErr_WriteUnraisable reports it. False when no class body defines one.
// At shutdown CPython calls it as it clears the modules, in an order asim
// does not model: the run then ends with a stop instead.
bool call_del(Object& self, const Type& cls);

// The class, and the instance __dict__ every such instance has.
class DerivedParts : public HasAttributes {
 public:
  explicit DerivedParts(Ref<Type> cls) : cls(std::move(cls)) {}
  std::optional<Value> get_attribute(std::string_view name) override;
  bool set_attribute(std::string_view name, const Value& value) override;
  bool del_attribute(std::string_view name) override;

  const Ref<Type> cls;
  std::unordered_map<std::string, Value> dict;
};

template <class Builtin>
class Derived final : public Builtin, public DerivedParts {
 public:
  template <class... A>
  explicit Derived(Ref<Type> cls, A&&... payload) : Builtin(std::forward<A>(payload)...), DerivedParts(std::move(cls)) {}
  std::string_view type_name() const override { return cls->name; }
  Type* user_class() const override { return cls.get(); }
  // A __del__ replaces the builtin's finalizer, as a class's tp_finalize
  // slot replaces the one it inherits.
  void finalize() override {
    if (!call_del(*this, *cls)) Builtin::finalize();
  }
};

// An int or float subclass instance: the number it is, and its class.
class DerivedNumber final : public Object, public DerivedParts {
 public:
  DerivedNumber(Ref<Type> cls, Value value) : DerivedParts(std::move(cls)), value(std::move(value)) {}
  std::string_view type_name() const override { return cls->name; }
  std::string repr() const override;
  Type* user_class() const override { return cls.get(); }
  void finalize() override { call_del(*this, *cls); }
  const Value value;
};

namespace detail {
// The objects a builtin base's own method (list.__getitem__, dict.__eq__...)
// runs on now: CPython's slot wrappers call the base's C function directly,
// so the operation ignores the subclass's overrides, which would otherwise
// call it right back (a comparison or an operator: of both operands).
inline thread_local std::pair<const Object*, const Object*> builtin_operands{};
}  // namespace detail

// While one lives, the operation on `self` (and `other`) is the builtin's own.
class AsBuiltin {
 public:
  explicit AsBuiltin(const Value& self, const Value& other = Value())
      : outer_(std::exchange(detail::builtin_operands, {self.object(), other.object()})) {}
  AsBuiltin(const AsBuiltin&) = delete;
  AsBuiltin& operator=(const AsBuiltin&) = delete;
  ~AsBuiltin() { detail::builtin_operands = outer_; }

 private:
  std::pair<const Object*, const Object*> outer_;
};

// The class whose class-body methods the operations on `o` call first: an
// instance's class a scenario defines, except under AsBuiltin; else nullptr.
inline const Type* overriding_class(const Object* o) {
  const Type* cls = o->user_class();
  return cls && o != detail::builtin_operands.first && o != detail::builtin_operands.second ? cls : nullptr;
}
inline bool overridable(const Value& v) { return v.is_object() && overriding_class(v.object()); }

// A method the class of `v` defines in a class body for `name` (before any
// builtin's of that name), when v is an instance of a class a scenario
// defines; nullopt otherwise. The generic operations call it first.
inline std::optional<Value> user_override(const Value& v, std::string_view name) {
  if (!v.is_object()) return std::nullopt;
  const Type* cls = overriding_class(v.object());
  if (!cls) return std::nullopt;
  return cls->lookup_override(name);
}

// The number an int or float subclass instance holds; any other value as it is.
inline const Value& plain_number(const Value& v) {
  if (!v.is_object() || !v.object()->user_class()) return v;
  auto* n = v.as<DerivedNumber>();
  return n ? n->value : v;
}

// Whether an instance of `cls` may take the attribute `name`: any class of a
// scenario along the MRO without __slots__ gives it a __dict__; otherwise
// only the names the __slots__ list have room.
bool has_room_for(const Type& cls, std::string_view name);

// The builtin type whose instances a class derived from it carries (list
// for class Stack(list)), or nullptr when `cls` derives from none.
const Type* builtin_base(const Type& cls);
// An instance of `cls` (derived from builtin_base(cls)) with the contents of
// `plain`, a value of that builtin type.
Value derive(const Ref<Type>& cls, const Value& plain);
// Whether calling the builtin base ignores its arguments, __init__ filling
// the instance (list, dict, set), as opposed to __new__ building it.
bool init_fills(const Type& builtin);
// type_new's checks of a class statement's bases: CPython's TypeError for a
// builtin no class may derive from (bool, range...) and for two builtin
// layouts at once; a message for a builtin base asim cannot derive from
// (the caller stops the run: not supported by asim), else nullopt.
std::optional<std::string> check_bases(const std::vector<Ref<Type>>& bases);

}  // namespace asim::runtime
