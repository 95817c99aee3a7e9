// Python classes (`type` objects): builtin types, asyncio's classes and the
// exception classes a scenario defines. A Type names its class, points at its
// bases and holds what attribute lookup finds on the class: native methods,
// computed attributes and, for classes a scenario defines, the class body's
// names. Most classes have one base; ExceptionGroup has two (it derives from
// both BaseExceptionGroup and Exception), so lookup follows a C3 MRO as
// CPython's does.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/runtime/callable.hpp"
#include "model/runtime/namespace_dict.hpp"

namespace asim::runtime {

class Type : public Object {
 public:
  Type(std::string module, std::string name, Ref<Type> base);
  // A class with several bases, in the order a `class` statement lists them.
  Type(std::string module, std::string name, std::vector<Ref<Type>> bases);
  ~Type() override;
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
  // The attribute as `Class.attr` finds it: methods unbound (a native method
  // then takes self as its first argument), class attributes as they are.
  std::optional<Value> lookup_class(std::string_view attr) const;
  // The attribute as super(start, self) finds it: along type(self)'s MRO,
  // after `start` (super_getattro). Methods bound to self as lookup() binds.
  std::optional<Value> lookup_after(const Type* start, const Value& self, std::string_view attr) const;
  // A method defined by a class body (Type::dict) before any native method of
  // the same name along the MRO: user overrides of __str__, __eq__, __init__...
  // nullopt when the first definition found is native or there is none.
  std::optional<Value> lookup_override(std::string_view attr) const;

  // What lookup() finds for `attr`, unbound, for the attribute caches of
  // instructions (attribute_cache.hpp): a class body's entry (which stays
  // where it is while detail::namespaces_version holds), or nullptr with
  // `native` telling a native method or computed attribute from nothing.
  const Value* class_entry(std::string_view attr, bool& native) const;
  // The native method lookup() binds for `attr`, or nullptr: the entry stays
  // where it is while detail::namespaces_version holds.
  const Ref<Callable>* native_method(std::string_view attr) const;

  // Whether the class or a base computes `attr` (add_getter): such
  // attributes are read-only.
  bool has_getter(std::string_view attr) const;

  // Native methods take self as args[0].
  using Getter = std::function<Value(const Value& self)>;
  void add_method(std::string attr, Ref<Callable> fn) {
    detail::namespaces_modified();
    methods_[std::move(attr)] = std::move(fn);
  }
  void add_getter(std::string attr, Getter g) {
    detail::namespaces_modified();
    getters_[std::move(attr)] = std::move(g);
  }
  // What a newer Python added, taken away for an older one.
  void remove_attribute(std::string_view attr);
  // Class attributes (a scenario's class body, or constants like Queue.maxsize).
  NamespaceDict dict;

  // What calling the class does (CPython's tp_new + tp_init for builtins).
  // Calling a class uses the constructor of the first class along the MRO
  // that has one, passing the class actually called (a subclass of
  // Exception builds a PyException of that subclass).
  using Constructor =
      std::function<Value(const Ref<Type>& cls, std::span<const Value> args, std::span<const Keyword> kwargs)>;
  Constructor constructor;
  const Constructor* find_constructor() const;

  // __mro__ without the class itself: its bases' linearisation (C3).
  const std::vector<Type*>& ancestors() const { return ancestors_; }

  const std::string module;
  const std::string name;
  const Ref<Type> base;              // __base__: the first base, or nullptr for `object`
  const std::vector<Ref<Type>> bases;  // __bases__
  // __qualname__; the name unless set (a class defined inside a function).
  std::string qualname;
  // type(cls) when a class statement named a metaclass (or a base had one):
  // its methods serve the class's attributes, iteration, len, [] and calls.
  Ref<Type> metaclass;

 private:
  // Where an attribute name leads along the MRO: which table of which class
  // holds it (Found), and the entry there; what lookup() and
  // lookup_override() remember in their cache (type.cpp).
  enum class Found : std::uint8_t { Nothing, Getter, Method, Attribute };
  struct Resolution {
    Found found = Found::Nothing;
    const void* entry = nullptr;
  };
  // The order of lookup(), lookup_override() and lookup_class().
  enum class Order : std::uint8_t { Instance, Override, Class };
  Resolution resolve(std::string_view attr, Order order) const;
  Resolution cached_resolve(std::string_view attr, Order order) const;
  std::optional<Value> lookup_here(const Value& self, const std::string& key) const;
  std::unordered_map<std::string, Ref<Callable>> methods_;
  std::unordered_map<std::string, Getter> getters_;
  std::vector<Type*> ancestors_;
};

// A method bound to its object: `obj.method` before it is called.
class BoundMethod : public Callable {
 public:
  BoundMethod(Value self, Ref<Callable> function) : self(std::move(self)), function(std::move(function)) {}
  std::string_view type_name() const override;
  std::string repr() const override;
  std::string qualname() const override { return function->qualname(); }
  Value call(std::span<const Value> args) override;
  Value call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) override;
  bool equals(const Callable& other) const override;

  const Value self;
  const Ref<Callable> function;
};

}  // namespace asim::runtime
