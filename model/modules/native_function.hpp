// Functions of the library modules (asyncio, sys, asim) as Python sees them:
// a signature with CPython's argument-binding rules and error messages, and
// a C++ body that receives the bound arguments.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "model/asyncio/base_events.hpp"
#include "model/runtime/callable.hpp"

namespace asim::modules {

struct Param {
  enum class Kind { Positional, KeywordOnly, VarArgs };
  std::string name;
  Kind kind = Kind::Positional;
  std::optional<runtime::Value> default_value;  // nullopt = required
};

inline Param pos(std::string name) {
  return {std::move(name), Param::Kind::Positional, std::nullopt};
}
inline Param opt(std::string name, runtime::Value d = {}) {
  return {std::move(name), Param::Kind::Positional, std::move(d)};
}
inline Param kwonly(std::string name, runtime::Value d = {}) {
  return {std::move(name), Param::Kind::KeywordOnly, std::move(d)};
}
inline Param varargs(std::string name) {
  return {std::move(name), Param::Kind::VarArgs, std::nullopt};
}

// The arguments of one call, by parameter position; `rest` holds *args.
struct Bound {
  // Inline up to a handful: a call binds its arguments without allocating.
  boost::container::small_vector<runtime::Value, 6> values;
  std::vector<runtime::Value> rest;
  const runtime::Value& operator[](std::size_t i) const { return values[i]; }
};

class Signature {
 public:
  Signature(std::string name, std::vector<Param> params);
  // A method written in C (_asyncio.Future's), whose surplus arguments get
  // C's messages: METH_NOARGS "done() takes no arguments (1 given)" (under
  // `noargs_name`), Argument Clinic's "cancel() takes at most 1 argument (2
  // given)". The first parameter is self.
  Signature& c_method(std::string noargs_name) {
    c_noargs_name_ = std::move(noargs_name);
    return *this;
  }
  // CPython's binding: TypeError for missing, surplus or duplicate arguments.
  Bound bind(std::span<const runtime::Value> args, std::span<const runtime::Keyword> kwargs) const;
  const std::string& name() const { return name_; }

 private:
  void check_c_arity(std::span<const runtime::Value> args, std::span<const runtime::Keyword> kwargs) const;

  std::string name_;
  std::vector<Param> params_;
  bool all_positional_;  // no keyword-only parameter, no *args
  std::optional<std::string> c_noargs_name_;
};

class BuiltinFunction : public runtime::Callable {
 public:
  using Body = std::function<runtime::Value(const Bound&)>;
  // `type_name`: "function" for what CPython writes in Python (asyncio.sleep),
  // "builtin_function_or_method" for what it writes in C, "method_descriptor"
  // for a method of _asyncio's C classes (Task.exception).
  BuiltinFunction(std::string qualname, Signature signature, Body body, std::string_view type_name = "function")
      : qualname_(std::move(qualname)), signature_(std::move(signature)), body_(std::move(body)), type_name_(type_name) {}

  std::string_view type_name() const override { return type_name_; }
  std::string repr() const override;
  std::string qualname() const override { return qualname_; }
  runtime::Value call(std::span<const runtime::Value> args) override { return call_kw(args, {}); }
  runtime::Value call_kw(std::span<const runtime::Value> args, std::span<const runtime::Keyword> kwargs) override;

 private:
  std::string qualname_;
  Signature signature_;
  Body body_;
  std::string_view type_name_;
};

runtime::Ref<BuiltinFunction> function(std::string qualname, std::vector<Param> params, BuiltinFunction::Body body);

// A CPython API asim does not model (threads, sockets, subprocesses). The
// run stops with "FILE:LINE: not supported by asim: WHAT (WHY)", exit 2:
// a Python exception could be caught and the difference go unseen.
class NotModelled : public asyncio::ModelStop {
 public:
  using asyncio::ModelStop::ModelStop;
};
[[noreturn]] void not_modelled(std::string_view what, std::string_view why);
// A function that stops the run as above when called.
runtime::Ref<runtime::Callable> not_modelled_function(std::string qualname, std::string why);

}  // namespace asim::modules
