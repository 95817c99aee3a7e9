// Python exception classes and instances. A raised Python exception travels
// through C++ as a thrown PyError holding the exception object, so model code
// reads like the CPython it mirrors: `raise X` is `throw PyError(...)`.
#pragma once

#include <string>
#include <vector>

#include "model/runtime/type.hpp"

namespace asim::runtime {

// Exception classes are Types; the alias says which Types a field expects.
using ExceptionType = Type;

class PyException : public Object {
 public:
  PyException(Ref<ExceptionType> type, std::vector<Value> args)
      : type(std::move(type)), args(std::move(args)) {}
  std::string_view type_name() const override { return type->name; }
  std::string repr() const override;
  // str(exc): '' without args, str(arg) with one, repr(args) with more.
  std::string message() const;
  bool isinstance(const ExceptionType* t) const { return type->is_subclass_of(t); }

  const Ref<ExceptionType> type;
  std::vector<Value> args;
  Ref<PyException> cause;
  Ref<PyException> context;
};

// A Python exception in flight through C++ code.
struct PyError {
  Ref<PyException> exc;
};

// The builtin exception classes the model raises itself.
struct BuiltinExceptions {
  BuiltinExceptions();
  Ref<ExceptionType> BaseException, Exception, GeneratorExit, KeyboardInterrupt, SystemExit,
      StopIteration, StopAsyncIteration, ArithmeticError, ZeroDivisionError, AssertionError,
      AttributeError, LookupError, IndexError, KeyError, NameError, OSError, TimeoutError,
      RuntimeError, RecursionError, TypeError, ValueError;
};

// Builds an instance: new_exception(t, "message") is t("message").
Ref<PyException> new_exception(const Ref<ExceptionType>& type, std::string message);
Ref<PyException> new_exception(const Ref<ExceptionType>& type);
[[noreturn]] void raise(const Ref<ExceptionType>& type, std::string message);

}  // namespace asim::runtime
