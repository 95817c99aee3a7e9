// Python classes (`type` objects): builtin types, asyncio's classes and the
// exception classes a scenario defines. A Type names its class, points at its
// base (single inheritance, as the subset needs) and holds what attribute
// lookup finds on the class: native methods, computed attributes and, for
// classes a scenario defines, the class body's names.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "model/runtime/callable.hpp"

namespace asim::runtime {

class Type : public Object {
 public:
  Type(std::string module, std::string name, Ref<Type> base)
      : module(std::move(module)), name(std::move(name)), base(std::move(base)) {}
  std::string_view type_name() const override { return "type"; }
  std::string repr() const override { return "<class '" + qualified_name() + "'>"; }

  // issubclass(self, other)
  bool is_subclass_of(const Type* other) const;
  // The name a traceback's last line shows: builtins are bare, others dotted.
  std::string qualified_name() const;

  // self's attribute `attr` as found through the class and its bases: a
  // method (bound to self), a computed attribute, or a class attribute.
  // nullopt when there is none.
  std::optional<Value> lookup(const Value& self, std::string_view attr) const;

  // Native methods take self as args[0].
  using Getter = std::function<Value(const Value& self)>;
  void add_method(std::string attr, Ref<Callable> fn) { methods_[std::move(attr)] = std::move(fn); }
  void add_getter(std::string attr, Getter g) { getters_[std::move(attr)] = std::move(g); }
  // Class attributes (a scenario's class body, or constants like Queue.maxsize).
  std::unordered_map<std::string, Value> dict;

  const std::string module;
  const std::string name;
  const Ref<Type> base;

 private:
  std::unordered_map<std::string, Ref<Callable>> methods_;
  std::unordered_map<std::string, Getter> getters_;
};

// A method bound to its object: `obj.method` before it is called.
class BoundMethod : public Callable {
 public:
  BoundMethod(Value self, Ref<Callable> function) : self(std::move(self)), function(std::move(function)) {}
  std::string_view type_name() const override { return "method"; }
  std::string repr() const override;
  std::string qualname() const override { return function->qualname(); }
  Value call(std::span<const Value> args) override;
  Value call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) override;
  bool equals(const Callable& other) const override;

  const Value self;
  const Ref<Callable> function;
};

}  // namespace asim::runtime
