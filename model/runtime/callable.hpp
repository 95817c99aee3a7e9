// Python callables as the event loop and futures see them: something with a
// __qualname__ that can be called with positional arguments.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// One `name=value` argument of a call.
struct Keyword {
  std::string_view name;
  Value value;
};

class Callable : public Object {
 public:
  virtual Value call(std::span<const Value> args) = 0;
  // A call with keyword arguments; callables that take none refuse them as
  // CPython does: "f() got an unexpected keyword argument 'x'".
  virtual Value call_kw(std::span<const Value> args, std::span<const Keyword> kwargs);
  virtual std::string qualname() const = 0;
  // How asyncio's reprs name this callback (format_helpers._format_callback):
  // its __qualname__, or its repr() when it has none; a functools.partial
  // adds the arguments it holds when `show_arguments` (3.13 hides them).
  virtual std::string callback_name(bool show_arguments) const {
    static_cast<void>(show_arguments);
    return qualname();
  }
  // format_helpers._get_function_source: "FILE:LINE" where the Python
  // function this callback stands for was defined (through @functools.wraps
  // and functools.partial), "" for any other callable.
  virtual std::string function_source() const { return ""; }
  // Python `==` between callables: identity, except bound methods, which are
  // equal when they bind the same function to the same object.
  virtual bool equals(const Callable& other) const { return this == &other; }
};

// A callable implemented in C++: a library function, closure or bound method.
class NativeFunction : public Callable {
 public:
  using Body = std::function<Value(std::span<const Value>)>;
  // `bound_self` makes this a bound method: equal to any other binding the
  // same qualname to the same object, as CPython's method objects are.
  NativeFunction(std::string qualname, Body body, const Object* bound_self = nullptr)
      : qualname_(std::move(qualname)), body_(std::move(body)), bound_self_(bound_self) {}

  std::string_view type_name() const override { return bound_self_ ? "method" : "function"; }
  std::string repr() const override;
  Value call(std::span<const Value> args) override { return body_(args); }
  std::string qualname() const override { return qualname_; }
  // A function (not a bound method) standing for one of asyncio's own
  // Python functions: where CPython's Lib defines it
  // (Runtime::library_function_source).
  std::string function_source() const override;
  bool equals(const Callable& other) const override;

 private:
  std::string qualname_;
  Body body_;
  const Object* bound_self_;
};

// A builtin function or method (CPython's builtin_function_or_method):
// `print`, `len`, `str.join`... It takes keyword arguments and parses them
// itself. `owner` names the class of a method ("str" for str.join); an
// unbound method reprs as CPython's method descriptors do.
class BuiltinFunction : public Callable {
 public:
  using Body = std::function<Value(std::span<const Value> args, std::span<const Keyword> kwargs)>;
  BuiltinFunction(std::string name, Body body, std::string owner = {})
      : name(std::move(name)), owner(std::move(owner)), body_(std::move(body)) {}

  std::string_view type_name() const override {
    return owner.empty() ? "builtin_function_or_method" : "method_descriptor";
  }
  std::string repr() const override;
  Value call(std::span<const Value> args) override { return body_(args, {}); }
  Value call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) override {
    return body_(args, kwargs);
  }
  std::string qualname() const override { return owner.empty() ? name : owner + "." + name; }

  const std::string name;
  const std::string owner;

 private:
  Body body_;
};

template <class F>
Ref<BuiltinFunction> builtin_function(std::string name, F&& body, std::string owner = {}) {
  return make<BuiltinFunction>(std::move(name), BuiltinFunction::Body(std::forward<F>(body)), std::move(owner));
}

template <class F>
Ref<NativeFunction> native_function(std::string qualname, F&& body) {
  return make<NativeFunction>(std::move(qualname), NativeFunction::Body(std::forward<F>(body)));
}

template <class F>
Ref<NativeFunction> bound_method(const Object* self, std::string qualname, F&& body) {
  return make<NativeFunction>(std::move(qualname), NativeFunction::Body(std::forward<F>(body)), self);
}

// What the loop and futures hold for any callable value: the Callable
// itself, or for an instance whose class defines __call__ (functools.partial)
// a Callable that calls it; nullptr when `v` is not callable.
Ref<Callable> as_callback(const Value& v);

}  // namespace asim::runtime
